//! Calendar time as the C library computes it for `time` (and `datetime`,
//! which formats through `time.strftime`): seconds since the epoch to a
//! broken-down time in the proleptic Gregorian calendar, and back, and
//! glibc's `strftime` in the C locale — its flags (`-`, `_`, `0`, `^`, `#`),
//! field widths, `E`/`O` modifiers and its way of copying an unknown
//! directive through. The time zone is UTC (see README: the virtual wall
//! clock).

/// A C `struct tm`, with CPython's `struct_time` conventions where they
/// differ from C's noted: this is C's (`mon` 0-11, `wday` 0 = Sunday, `yday`
/// 0-365).
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    /// `tm_zone`: `None` for a plain tuple (C's NULL).
    pub zone: Option<String>,
    pub gmtoff: i64,
}

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days from 1970-01-01 to `year-month-day` (month 1-12), for any year.
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month 1-12, day)` of the day `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// `gmtime(secs)` (`zone` "GMT") or `localtime(secs)` in UTC (`zone` "UTC").
/// `None` when the year does not fit C's `int` (EOVERFLOW).
pub fn broken_down(secs: i64, zone: &str) -> Option<Tm> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if i32::try_from(year - 1900).is_err() {
        return None;
    }
    Some(Tm {
        year,
        mon: month - 1,
        mday: day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
        isdst: 0,
        zone: Some(zone.to_string()),
        gmtoff: 0,
    })
}

/// `timegm`: the seconds since the epoch of a broken-down UTC time, its
/// fields normalized as `mktime` does (the 61st second, month 13...).
pub fn timegm(tm: &Tm) -> i64 {
    let year = tm.year + tm.mon.div_euclid(12);
    let mon = tm.mon.rem_euclid(12);
    let days = days_from_civil(year, mon + 1, 1) + tm.mday - 1;
    days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec
}

/// `mktime` in UTC: a time said to be in daylight saving time is an hour
/// earlier (glibc's answer in a zone without DST).
pub fn mktime(tm: &Tm) -> i64 {
    timegm(tm) - if tm.isdst > 0 { 3600 } else { 0 }
}

/// `asctime`: `Thu Jan  1 00:00:00 1970` (CPython's own format).
pub fn asctime(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &WEEKDAYS[tm.wday.rem_euclid(7) as usize][..3],
        &MONTHS[tm.mon.rem_euclid(12) as usize][..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

/// glibc's `strftime(format, tm)` in the C locale.
pub fn strftime(format: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        let mut spec = Spec::default();
        i += 1;
        while let Some(&c) = chars.get(i) {
            match c {
                '_' | '-' | '0' => spec.pad = Some(c),
                '^' => spec.upper = true,
                '#' => spec.change_case = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
            width = Some(
                width
                    .unwrap_or(0usize)
                    .saturating_mul(10)
                    .saturating_add(d as usize),
            );
            i += 1;
        }
        spec.width = width;
        if matches!(chars.get(i), Some('E' | 'O')) {
            spec.modifier = true;
            i += 1;
        }
        match chars.get(i) {
            Some(&c) if spec.conversion(c, tm, &mut out) => i += 1,
            // An unknown directive (or a `%` ending the format) is copied
            // through, padded to the width.
            found => {
                let end = if found.is_some() { i + 1 } else { i };
                let text: String = chars[start..end.max(start + 1)].iter().collect();
                spec.pad_text(&text, &mut out);
                i = end.max(start + 1);
            }
        }
    }
    out
}

/// One directive's flags, width and modifier.
#[derive(Default)]
struct Spec {
    pad: Option<char>,
    upper: bool,
    change_case: bool,
    width: Option<usize>,
    modifier: bool,
}

impl Spec {
    /// Writes conversion `c`; false when glibc does not know it.
    fn conversion(&mut self, c: char, tm: &Tm, out: &mut String) -> bool {
        let hour12 = match tm.hour % 12 {
            0 => 12,
            h => h,
        };
        let weekday = WEEKDAYS[tm.wday.rem_euclid(7) as usize];
        let month = MONTHS[tm.mon.rem_euclid(12) as usize];
        let am_pm = if tm.hour >= 12 { "PM" } else { "AM" };
        match c {
            'a' | 'A' | 'b' | 'h' | 'B' => {
                let name = match c {
                    'a' => &weekday[..3],
                    'A' => weekday,
                    'B' => month,
                    _ => &month[..3],
                };
                self.upper |= self.change_case;
                self.name(name, out);
            }
            'p' | 'P' => {
                let lower = c == 'P' || self.change_case;
                let text = if lower {
                    am_pm.to_lowercase()
                } else {
                    am_pm.to_string()
                };
                self.name(&text, out);
            }
            'Z' => {
                let zone = match &tm.zone {
                    Some(z) if !z.is_empty() => z.as_str(),
                    _ if tm.isdst >= 0 => "UTC",
                    _ => "",
                };
                if self.change_case {
                    self.upper = false;
                    self.name(&zone.to_lowercase(), out);
                } else {
                    self.name(zone, out);
                }
            }
            'c' => self.composite("%a %b %e %H:%M:%S %Y", tm, out),
            'x' | 'D' => self.composite("%m/%d/%y", tm, out),
            'X' | 'T' => self.composite("%H:%M:%S", tm, out),
            'F' => self.iso_date(tm, out),
            'r' => self.composite("%I:%M:%S %p", tm, out),
            'R' => self.composite("%H:%M", tm, out),
            'n' => self.pad_text("\n", out),
            't' => self.pad_text("\t", out),
            '%' if !self.modifier => self.pad_text("%", out),
            'C' => self.number(1, tm.year.div_euclid(100), out),
            'y' => self.number(2, tm.year.rem_euclid(100), out),
            'Y' => self.number(1, tm.year, out),
            'G' => self.number(1, iso_week(tm).0, out),
            'g' => self.number(2, iso_week(tm).0.rem_euclid(100), out),
            'V' => self.number(2, iso_week(tm).1, out),
            'd' => self.number(2, tm.mday, out),
            'e' => self.space_padded(tm.mday, out),
            'H' => self.number(2, tm.hour, out),
            'k' => self.space_padded(tm.hour, out),
            'I' => self.number(2, hour12, out),
            'l' => self.space_padded(hour12, out),
            'j' => self.number(3, tm.yday + 1, out),
            'm' => self.number(2, tm.mon + 1, out),
            'M' => self.number(2, tm.min, out),
            'S' => self.number(2, tm.sec, out),
            's' => self.number(1, mktime(tm), out),
            'u' => self.number(1, (tm.wday + 6).rem_euclid(7) + 1, out),
            'w' => self.number(1, tm.wday, out),
            'U' => self.number(2, (tm.yday - tm.wday + 7) / 7, out),
            'W' => self.number(2, (tm.yday - (tm.wday + 6).rem_euclid(7) + 7) / 7, out),
            'z' => {
                if tm.isdst >= 0 {
                    let sign = if tm.gmtoff < 0 { "-" } else { "+" };
                    self.pad_text(sign, out);
                    let minutes = tm.gmtoff.abs() / 60;
                    self.number(4, minutes / 60 * 100 + minutes % 60, out);
                }
            }
            _ => return false,
        }
        true
    }

    /// glibc's `add`: `text` right-aligned in the width, zeros if the pad
    /// flag is `0`, spaces otherwise.
    fn pad_text(&self, text: &str, out: &mut String) {
        let len = text.chars().count();
        if let Some(w) = self.width.filter(|w| *w > len) {
            let fill = if self.pad == Some('0') { '0' } else { ' ' };
            out.extend(std::iter::repeat_n(fill, w - len));
        }
        out.push_str(text);
    }

    fn name(&self, text: &str, out: &mut String) {
        if self.upper {
            self.pad_text(&text.to_uppercase(), out);
        } else {
            self.pad_text(text, out);
        }
    }

    /// A directive made of others (`%c`, `%F`...): no width applies.
    fn composite(&self, format: &str, tm: &Tm, out: &mut String) {
        let text = strftime(format, tm);
        if self.upper {
            out.push_str(&text.to_uppercase());
        } else {
            out.push_str(&text);
        }
    }

    /// `%F`: a width applies to the year, which then takes what the rest
    /// (`-%m-%d`) leaves of it.
    fn iso_date(&self, tm: &Tm, out: &mut String) {
        let rest = strftime("-%m-%d", tm);
        if let Some(width) = self.width {
            let year = Spec {
                pad: self.pad.filter(|p| *p != '-'),
                width: Some(width.saturating_sub(rest.len())),
                ..Spec::default()
            };
            year.pad_text(&tm.year.to_string(), out);
        } else {
            out.push_str(&tm.year.to_string());
        }
        out.push_str(&rest);
    }

    fn space_padded(&mut self, value: i64, out: &mut String) {
        if self.pad.is_none() {
            self.pad = Some('_');
        }
        self.number(2, value, out);
    }

    /// glibc's `DO_NUMBER(digits, value)`: at least `digits` digits (or the
    /// width), zero-padded unless the pad flag says otherwise; what is left
    /// of the width pads the result.
    fn number(&mut self, digits: usize, value: i64, out: &mut String) {
        let digits = self.width.map_or(digits, |w| w.max(digits));
        let mut text = value.to_string();
        let len = text.len();
        if self.pad != Some('-') && digits > len {
            let padding = digits - len;
            self.width = self.width.map(|w| w.saturating_sub(padding));
            if self.pad == Some('_') {
                out.extend(std::iter::repeat_n(' ', padding));
            } else {
                if value < 0 {
                    out.push('-');
                    text.remove(0);
                    self.width = self.width.map(|w| w.saturating_sub(1));
                }
                out.extend(std::iter::repeat_n('0', padding));
            }
        }
        self.pad_text(&text, out);
    }
}

/// The ISO 8601 `(year, week)` of a date (`%G`, `%V`).
fn iso_week(tm: &Tm) -> (i64, i64) {
    // Days since the Monday on or before January 4 of a year.
    let iso_days = |yday: i64, wday: i64| {
        let big_enough = 366 / 7 + 2;
        yday - (yday - wday + 4 + big_enough * 7) % 7 + 3
    };
    let mut year = tm.year;
    let mut days = iso_days(tm.yday, tm.wday);
    if days < 0 {
        year -= 1;
        let len = if is_leap(year) { 366 } else { 365 };
        days = iso_days(tm.yday + len, tm.wday);
    } else {
        let len = if is_leap(year) { 366 } else { 365 };
        let next = iso_days(tm.yday - len, tm.wday);
        if next >= 0 {
            year += 1;
            days = next;
        }
    }
    (year, days / 7 + 1)
}
