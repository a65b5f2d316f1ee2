# statistics: NormalDist (cdf, inv_cdf, pdf, overlap, zscore, quantiles, arithmetic, from_samples, samples with a seed), covariance, correlation, linear_regression
import statistics
from statistics import NormalDist

iq = NormalDist(100, 15)
print(iq, repr(iq), iq.mean, iq.median, iq.mode, iq.stdev, iq.variance)
print(round(iq.cdf(130), 10), round(iq.inv_cdf(0.975), 10), round(iq.pdf(100), 10))
print([round(q, 6) for q in iq.quantiles()], [round(q, 4) for q in iq.quantiles(n=10)][:3])
print(round(iq.overlap(NormalDist(110, 10)), 10), iq.zscore(85))
print(iq + 5, iq * 2, iq - NormalDist(10, 20), iq / 3, 2 * iq, -iq)
print(iq == NormalDist(100, 15), hash(NormalDist(1, 2)) == hash(NormalDist(1, 2)))
fit = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(round(fit.mean, 10), round(fit.stdev, 10))
print([round(x, 6) for x in NormalDist(0, 1).samples(4, seed=42)])
try:
    NormalDist(0, -1)
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(statistics.covariance(x, y), statistics.correlation(x, y))
r = statistics.linear_regression([1, 2, 3, 4, 5], [2.1, 3.9, 6.2, 7.8, 10.1])
print(r, round(r.slope, 10), statistics.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
try:
    statistics.correlation([1, 1, 1], [1, 2, 3])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
