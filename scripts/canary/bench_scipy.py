#!/usr/bin/python3
"""SciPy's side of bench/canary-speed.ts (issue 5): the same data, the equivalent statistics, timed.

Run by the bench, not by hand:  /usr/bin/python3 scripts/canary/bench_scipy.py DATA.json
(Debian's interpreter with python3-scipy: apt-get install python3-scipy. A pyenv `python3` earlier
on PATH may lack SciPy or have another version, so the bench calls /usr/bin/python3 explicitly.)

DATA.json is {"sizes": [{"n": 1440, "metrics": [{"name", "canary": [...], "baseline": [...]}]}]},
written by the bench from its seeded generator; JSON carries every double exactly.

Per metric, on log values (the judge compares log values when all are positive):
  * scipy.stats.mannwhitneyu(canary, baseline, alternative="two-sided", method="asymptotic");
  * the Hodges-Lehmann shift: the median of the n*m pairwise differences canary - baseline (NumPy);
  * its Moses interval at 90 %: the order statistics D_(k+1) and D_(nm-k) of the same differences,
    k = floor(nm/2 - 1/2 - z_0.95 * sigma), from one np.partition with every rank needed.
Timing as the bench times the judge: one warm-up pass over the 20 metrics, then the median of 5
passes, reported per metric. Prints one JSON object on stdout.
"""
import json
import math
import statistics
import sys
import time

try:
    import numpy as np
    import scipy
    from scipy import stats
except ImportError as error:  # pragma: no cover - the message is the point
    sys.exit(
        f"bench_scipy.py: {error}. Install Debian's SciPy (apt-get install python3-scipy) and run it "
        f"with /usr/bin/python3 (this is {sys.executable})."
    )

CONFIDENCE = 0.9
RUNS = 5


def judge_like(canary, baseline):
    """The statistics the judge computes for one continuous metric; returns them for a cross-check."""
    y = np.log(canary)
    x = np.log(baseline)
    mw = stats.mannwhitneyu(y, x, alternative="two-sided", method="asymptotic")
    n, m = len(x), len(y)
    nm = n * m
    sigma = math.sqrt(nm / 12 * (n + m + 1))  # continuous data: no ties, so no tie correction
    k = math.floor(nm / 2 - 0.5 - stats.norm.ppf(1 - (1 - CONFIDENCE) / 2) * sigma)
    d = np.subtract.outer(y, x).ravel()
    mid = nm // 2
    ranks = sorted({k, nm - k - 1, mid - 1, mid})
    d.partition(ranks)
    hl = d[mid] if nm % 2 == 1 else (d[mid - 1] + d[mid]) / 2
    return {"hl": float(hl), "lower": float(d[k]), "upper": float(d[nm - k - 1]), "p": float(mw.pvalue)}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: /usr/bin/python3 scripts/canary/bench_scipy.py DATA.json")
    with open(sys.argv[1], encoding="utf8") as f:
        data = json.load(f)
    results = []
    for size in data["sizes"]:
        metrics = [(np.array(m["canary"]), np.array(m["baseline"])) for m in size["metrics"]]
        values = [judge_like(c, b) for c, b in metrics]  # also the warm-up
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            for c, b in metrics:
                judge_like(c, b)
            times.append((time.perf_counter() - started) * 1000)
        results.append(
            {"n": size["n"], "msPerMetric": statistics.median(times) / len(metrics), "metrics": values}
        )
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "python": sys.version.split()[0], "results": results}))


if __name__ == "__main__":
    main()
