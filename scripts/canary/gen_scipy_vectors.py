#!/usr/bin/python3
"""Reference vectors for shiplock's canary statistics, from SciPy 1.10 (Debian bookworm python3-scipy).

Run:  /usr/bin/python3 scripts/canary/gen_scipy_vectors.py
(apt-get install python3-scipy; the interpreter must be Debian's, which has SciPy 1.10.1 — a pyenv
python with a newer SciPy computes mannwhitneyu differently and is refused below.)

Writes test/fixtures/canary/scipy/{mannwhitneyu,binomtest,theilslopes,normal}.json. Every case is
seeded, so re-running reproduces the files byte for byte. Small and medium samples are stored
inline (rounded to 4 decimals so the files stay small; the expectations are computed on exactly the
stored values). Large samples (up to 5,000 per side) are stored as a generator spec: a mulberry32
stream and transforms that use only correctly rounded IEEE operations (+ - * / floor), which the
TypeScript test (test/unit/core/canary/stats/mulberry-sample.ts) reproduces bit for bit.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from scipy.stats._mannwhitneyu import _mwu_state

if not scipy.__version__.startswith("1.10."):
    sys.exit(f"need SciPy 1.10 (Debian bookworm), found {scipy.__version__} at {scipy.__file__}")

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "canary", "scipy")
META = {"scipy": scipy.__version__, "numpy": np.__version__, "generator": "scripts/canary/gen_scipy_vectors.py"}
M32 = 0xFFFFFFFF


# ---------------------------------------------------------------- reproducible large samples
def mulberry32(seed):
    state = seed & M32
    while True:
        state = (state + 0x6D2B79F5) & M32
        t = state
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t = (((t + (((t ^ (t >> 7)) * (t | 61)) & M32)) & M32) ^ t) & M32
        yield (t ^ (t >> 14)) & M32


def mulberry_sample(stream, spec):
    """One sample from a spec {n, dist, loc, scale, param}; identical to mulberry-sample.ts."""
    def u():
        return (next(stream) + 0.5) / 4294967296.0
    out = []
    for _ in range(spec["n"]):
        d = spec["dist"]
        if d == "irwin":
            s = 0.0
            for _ in range(12):
                s += u()
            v = s - 6.0
        elif d == "pareto1":
            v = 1.0 / u()
        elif d == "cauchyish":
            a = u() - 0.5
            v = a / (u() - 0.5)
        elif d == "int":
            v = float(math.floor(u() * spec["param"]))
        elif d == "zeroinf":
            a = u()
            b = u()
            v = 0.0 if a < spec["param"] else 1.0 / b
        else:
            raise ValueError(d)
        out.append(v * spec["scale"] + spec["loc"])
    return out


def gen_pair(gen):
    stream = mulberry32(gen["seed"])
    return np.array(mulberry_sample(stream, gen["x"])), np.array(mulberry_sample(stream, gen["y"]))


# ---------------------------------------------------------------- Mann-Whitney / HL / Moses
def has_ties(x, y):
    xy = np.concatenate([x, y])
    return len(np.unique(xy)) != len(xy)


def moses(x, y, confidence, diffs_sorted):
    """The documented rule, written independently of the TypeScript: [D_(k+1), D_(nm-k)]."""
    n, m = len(x), len(y)
    nm = n * m
    alpha = 1 - confidence
    if not has_ties(x, y) and min(n, m) <= 8:
        cdf = _mwu_state.cdf(np.arange(0, nm // 2 + 1), n, m)
        k = -1
        while min(1.0, 2 * cdf[k + 1]) <= alpha:
            k += 1
        method = "exact"
    else:
        xy = np.concatenate([x, y])
        _, t = np.unique(xy, return_counts=True)
        tie = int((t**3 - t).sum())
        N = n + m
        s = math.sqrt(nm / 12 * ((N + 1) - tie / (N * (N - 1))))
        k = max(-1, math.floor(nm / 2 - 0.5 - stats.norm.ppf(1 - alpha / 2) * s))
        method = "asymptotic"
    if k < 0:
        return {"k": -1, "method": method, "lower": None, "upper": None}
    return {"k": k, "method": method, "lower": float(diffs_sorted(k)), "upper": float(diffs_sorted(nm - k - 1))}


def mw_expect(x, y):
    n1, n2 = len(x), len(y)
    _mwu_state._fmnks = -np.ones((1, 1, 1))  # SciPy's memo only grows; reset it to bound memory
    exp = {"U1": None, "p": {}}
    for alt in ("two-sided", "less", "greater"):
        for key, kw in (("asymptotic_cc", dict(method="asymptotic", use_continuity=True)),
                        ("asymptotic_nocc", dict(method="asymptotic", use_continuity=False)),
                        ("auto", dict(method="auto"))):
            with np.errstate(all="ignore"):
                r = stats.mannwhitneyu(x, y, alternative=alt, **kw)
            exp["U1"] = float(r.statistic)
            p = float(r.pvalue)
            exp["p"][f"{key}/{alt}"] = None if math.isnan(p) else p
        if not has_ties(x, y) and n1 * n2 <= 2500:
            r = stats.mannwhitneyu(x, y, alternative=alt, method="exact")
            exp["p"][f"exact/{alt}"] = float(r.pvalue)
    exp["auto_method"] = "asymptotic" if (n1 > 8 and n2 > 8) or has_ties(x, y) else "exact"
    d = np.subtract.outer(y, x).ravel()  # y_j - x_i
    nm = d.size

    def order_stat(i):  # 0-based
        return np.partition(d, i)[i]
    exp["hl"] = float(np.median(d))
    exp["moses95"] = moses(x, y, 0.95, order_stat)
    exp["moses90"] = moses(x, y, 0.90, order_stat)
    del nm
    return exp


def r4(a):
    return [float(v) for v in np.round(np.asarray(a, dtype=float), 4)]


def mw_cases():
    rng = np.random.default_rng(20240501)
    cases = []

    def add(kind, x, y):
        x, y = r4(x), r4(y)
        cases.append({"id": f"mw-{len(cases):03d}", "kind": kind, "x": x, "y": y,
                      "expect": mw_expect(np.array(x), np.array(y))})

    def addgen(kind, gen):
        x, y = gen_pair(gen)
        print(kind, len(x), len(y), file=sys.stderr, flush=True)
        cases.append({"id": f"mw-{len(cases):03d}", "kind": kind, "gen": gen, "expect": mw_expect(x, y)})

    small = [(3, 3), (3, 4), (4, 4), (4, 5), (5, 5), (3, 8), (6, 6), (7, 7), (8, 8), (8, 20), (5, 40), (3, 60), (8, 9),
             (2, 30), (1, 12)]
    for (n1, n2) in small:  # untied continuous: exact where SciPy uses it
        for shift in (0.0, 0.8, 2.5):
            add("exact-normal", rng.normal(0, 1, n1), rng.normal(shift, 1, n2))
        add("exact-separated", np.arange(n1) + 100.0 + rng.uniform(0, 0.5, n1), np.arange(n2) + rng.uniform(0, 0.5, n2))
    sizes = [(9, 9), (10, 12), (15, 15), (20, 25), (30, 30), (50, 40), (60, 60), (100, 80), (200, 150), (300, 300)]
    for (n1, n2) in sizes:
        add("normal", rng.normal(0, 1, n1), rng.normal(0.3, 1, n2))
        add("lognormal", rng.lognormal(3, 0.8, n1), rng.lognormal(3.2, 0.8, n2))
        add("pareto", rng.pareto(1.5, n1) + 1, (rng.pareto(1.5, n2) + 1) * 1.3)
        add("cauchy", rng.standard_cauchy(n1), rng.standard_cauchy(n2) + 1)
        add("ties-int", rng.integers(0, 5, n1).astype(float), rng.integers(0, 6, n2).astype(float))
        add("zeros", np.where(rng.uniform(size=n1) < 0.8, 0, rng.exponential(1, n1)),
            np.where(rng.uniform(size=n2) < 0.6, 0, rng.exponential(2, n2)))
        add("ties-rounded", np.round(rng.normal(100, 3, n1)), np.round(rng.normal(101, 3, n2)))
    for (n1, n2) in [(3, 3), (5, 7), (10, 10), (40, 30), (3, 12)]:  # constant series
        add("constant-same", np.full(n1, 7.0), np.full(n2, 7.0))
        add("constant-differ", np.full(n1, 1.0), np.full(n2, 2.0))
        add("constant-one-side", np.full(n1, 0.0), rng.exponential(1, n2))
        add("constant-zero-vs-sparse", np.zeros(n1), np.where(rng.uniform(size=n2) < 0.7, 0.0, 1.0))
    add("kayenta-6278", [100.0] * 7 + [1.0] * 3, [1.0] * 10)
    add("kayenta-426", [0.0, 1, 2, 1, 0, 0], [0.0] * 6)
    add("one-vs-one", [1.0], [2.0])
    add("one-vs-one-tied", [1.0], [1.0])
    add("tiny-scale", rng.normal(1e-3, 1e-4, 40), rng.normal(1.1e-3, 1e-4, 40))
    add("huge-scale", rng.normal(1e9, 1e7, 40), rng.normal(1.01e9, 1e7, 40))
    add("negative", -rng.lognormal(0, 1, 33), -rng.lognormal(0.2, 1, 29))
    while len(cases) < 190:
        n1, n2 = int(rng.integers(3, 120)), int(rng.integers(3, 120))
        kind = ["normal", "lognormal", "ties-int", "cauchy"][len(cases) % 4]
        if kind == "normal":
            add("random-normal", rng.normal(0, 1, n1), rng.normal(rng.uniform(-1, 1), 1, n2))
        elif kind == "lognormal":
            add("random-lognormal", rng.lognormal(0, 1, n1), rng.lognormal(rng.uniform(-0.5, 0.5), 1, n2))
        elif kind == "ties-int":
            add("random-ties", rng.integers(0, 4, n1).astype(float), rng.integers(0, 4, n2).astype(float))
        else:
            add("random-cauchy", rng.standard_cauchy(n1), rng.standard_cauchy(n2) + rng.uniform(-2, 2))
    big = [(1000, 1000), (1440, 1440), (2000, 1500), (5000, 5000)]
    seed = 1
    for (n1, n2) in big:
        for dist, param, yloc, yscale in (("irwin", 0, 0.05, 1.0), ("pareto1", 0, 0.0, 1.1), ("cauchyish", 0, 0.1, 1.0),
                                          ("int", 7, 0.0, 1.0), ("zeroinf", 0.9, 0.0, 1.0)):
            seed += 1
            gen = {"seed": seed * 7919,
                   "x": {"n": n1, "dist": dist, "loc": 0.0, "scale": 1.0, "param": param},
                   "y": {"n": n2, "dist": dist, "loc": yloc, "scale": yscale, "param": param}}
            addgen(f"large-{dist}", gen)
    for (n1, n2, dist) in [(3, 1000, "irwin"), (5, 300, "pareto1"), (20, 5000, "int")]:
        seed += 1
        addgen(f"lopsided-{dist}", {"seed": seed * 7919,
                                    "x": {"n": n1, "dist": dist, "loc": 0.5, "scale": 1.0, "param": 5},
                                    "y": {"n": n2, "dist": dist, "loc": 0.0, "scale": 1.0, "param": 5}})
    return cases


# ---------------------------------------------------------------- binomial / rate ratio
def binom_expect(k, n, p):
    e = {"k": k, "n": n, "p": p}
    for alt in ("less", "greater", "two-sided"):
        e[alt] = float(stats.binomtest(k, n, p, alternative=alt).pvalue)
    for conf in (0.95, 0.9):
        ci = stats.binomtest(k, n, p).proportion_ci(confidence_level=conf, method="exact")
        a = (1 - conf) / 2
        e[f"ci{int(conf * 100)}"] = {
            "brentq": [float(ci.low), float(ci.high)],
            "beta": [0.0 if k == 0 else float(special.betaincinv(k, n - k + 1, a)),
                     1.0 if k == n else float(special.betaincinv(k + 1, n - k, 1 - a))],
        }
    return e


def binom_cases():
    rng = np.random.default_rng(7)
    out = []
    rate = [(0, 1000, 0, 1000), (3, 1000, 0, 1000), (0, 1000, 3, 1000), (10, 1000, 10, 1000), (50, 10000, 10, 10000),
            (1, 500, 1, 5000), (20, 20000, 10, 20000), (5, 100, 0, 100000), (200, 100000, 100, 100000),
            (1000, 50000, 900, 50000), (2500, 1000000, 2400, 1000000), (7, 123, 13, 4567), (0, 10, 25, 10),
            (120, 60000, 40, 60000), (4000, 400000, 1000, 100000), (1, 1, 0, 1), (3, 3, 3, 3)]
    for ec, nc, eb, nb in rate:
        k, n = ec, ec + eb
        if n == 0:
            out.append({"rate": [ec, nc, eb, nb], "expect": None})
            continue
        e = binom_expect(k, n, nc / (nc + nb))
        out.append({"rate": [ec, nc, eb, nb], "expect": e})
    for _ in range(60):
        n = int(rng.choice([1, 2, 5, 10, 30, 100, 1000, 5000]))
        p = float(rng.choice([0.5, 0.1, 0.01, 0.3, 0.77, 0.999, 1 / 3, 0.25]))
        k = int(rng.integers(0, n + 1))
        out.append({"binom": [k, n, p], "expect": binom_expect(k, n, p)})
    for k, n, p in [(0, 1, 0.5), (1, 1, 0.5), (5, 10, 0.5), (50, 100, 0.5), (3, 7, 0.5), (0, 2000, 0.001), (2000, 2000, 0.999)]:
        out.append({"binom": [k, n, p], "expect": binom_expect(k, n, p)})
    return out


# ---------------------------------------------------------------- Theil-Sen
def theil_cases():
    rng = np.random.default_rng(11)
    out = []

    def add(kind, x, y):
        x, y = r4(x), r4(y)
        e = {}
        for conf in (0.95, 0.9):
            r = stats.theilslopes(y, x, alpha=conf)
            e[str(conf)] = [float(r.slope), float(r.intercept),
                            None if math.isnan(r.low_slope) else float(r.low_slope),
                            None if math.isnan(r.high_slope) else float(r.high_slope)]
        out.append({"kind": kind, "t": x, "v": y, "expect": e})
    for n in (2, 3, 5, 10, 30, 60, 120, 200):
        t = np.arange(n, dtype=float)
        add("leak", t, 500 + 0.8 * t + rng.normal(0, 3, n))
        add("flat", t, 500 + rng.normal(0, 3, n))
        add("ties-v", t, np.round(rng.normal(10, 1, n)))
        add("ties-t", np.sort(rng.integers(0, max(2, n // 2), n)).astype(float), rng.normal(0, 1, n) + 0.1 * np.arange(n))
        add("heavy", t, 0.5 * t + rng.standard_cauchy(n))
    add("constant-v", np.array([0.0, 0, 1, 1, 2, 2]), np.full(6, 3.0))
    return out


# ---------------------------------------------------------------- normal
def normal_cases():
    special_points = [0.0, 0.5, -0.67448975, 0.67448975, 5.656854249492381, -5.656854249492381, 1e-20, -1e-20,
                      1.959963984540054]
    xs = sorted(set(float(v) for v in np.concatenate([np.linspace(-38.4, 38.4, 385), special_points])))
    ps = [float(v) for v in np.concatenate([np.linspace(0.0005, 0.9995, 300), 10.0 ** -np.arange(1, 300, 7),
                                            [0.075, 0.925, 0.5, 0.025, 0.975, 0.005, 0.995, 1e-10, 1 - 1e-10]])]
    return {"cdf": [[x, float(special.ndtr(x))] for x in xs], "ppf": [[p, float(special.ndtri(p))] for p in ps]}


def write(name, payload):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"meta": META, **payload}, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write("normal.json", normal_cases())
    write("binomtest.json", {"cases": binom_cases()})
    write("theilslopes.json", {"cases": theil_cases()})
    write("mannwhitneyu.json", {"cases": mw_cases()})
