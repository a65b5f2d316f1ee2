# Loopscope's concurrent package: as CPython's, it holds only `futures`.
