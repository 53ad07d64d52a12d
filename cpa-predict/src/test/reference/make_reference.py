#!/usr/bin/python3
"""Writes the reference values the models' tests compare against.

Runs the Predictive HPA's way: statsmodels' OLS for linear regression, and
ExponentialSmoothing(...).fit(optimized=False).forecast(...) for Holt-Winters, on the published
test series and on generated ones. Needs Debian's python3-statsmodels (0.13.5 here); the tests
read only the JSON files this writes, so they do not need it:

    /usr/bin/python3 cpa-predict/src/test/reference/make_reference.py cpa-predict/src/test/resources/reference
"""

import json
import math
import sys
import warnings

import numpy as np
import statsmodels
import statsmodels.api as sm
import statsmodels.tsa.api as tsa

warnings.simplefilter("ignore")

STEPS = 6


def lcg(seed):
    """A small deterministic generator, so the series do not depend on numpy's."""
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield (state >> 11) / float(1 << 53)


def seasonal_series(n, m, base, amplitude, slope, noise, seed):
    draw = lcg(seed)
    return [
        max(1, round(base + slope * t + amplitude * math.sin(2 * math.pi * t / m) + noise * (next(draw) - 0.5)))
        for t in range(n)
    ]


def holt_winters(name, series, trend, seasonal, m, alpha, beta, gamma,
                 init="estimated", damped=False, phi=None, level=None, slope=None, season=None):
    model = tsa.ExponentialSmoothing(
        np.asarray(series, dtype=float),
        trend=trend,
        seasonal=seasonal,
        seasonal_periods=m if seasonal else None,
        initialization_method=init,
        damped_trend=damped,
        initial_level=level,
        initial_trend=slope,
        initial_seasonal=season,
    )
    smoothing = dict(
        smoothing_level=alpha,
        smoothing_trend=beta if trend else None,
        smoothing_seasonal=gamma if seasonal else None,
        damping_trend=phi,
    )
    fitted = model.fit(optimized=False, **smoothing)
    # The smoothing's own forecast. forecast() runs the smoothing again from the fitted parameters,
    # whose initial_trend for a damped multiplicative trend is b0 ** phi / phi instead of b0 (a
    # statsmodels bug); for every other model the two agree, which is checked here.
    level, slope_0, season_0 = model.initial_values()
    smoothed = model._predict(h=STEPS - 1, initial_level=level, initial_trend=slope_0,
                              initial_seasons=season_0, **smoothing)
    forecast = [float(value) for value in smoothed.fittedfcast[-STEPS:]]
    if not (damped and trend == "mul"):
        assert np.allclose(forecast, fitted.forecast(STEPS), rtol=0, atol=1e-12), name
    case = {
        "name": name,
        "trend": trend or "none",
        "seasonal": seasonal or "none",
        "seasonalPeriods": m,
        "alpha": alpha,
        "beta": beta,
        "gamma": gamma,
        "initializationMethod": init,
        "dampedTrend": damped,
        "series": series,
        "forecast": forecast,
        "replicas": [math.ceil(value) for value in forecast],
    }
    if phi is not None:
        case["dampingTrend"] = phi
    if level is not None:
        case["initialLevel"] = level
    if slope is not None:
        case["initialTrend"] = slope
    if season is not None:
        case["initialSeasonal"] = season
    return case


def holt_winters_cases():
    cases = [
        # The Predictive HPA's own tests (algorithms/holt_winters/test_holt_winters.py).
        holt_winters("published: additive, 13 observations",
                     [1, 3, 1, 1, 3, 1, 1, 3, 1, 1, 3, 1, 1], "add", "add", 3, 0.9, 0.9, 0.3),
        holt_winters("published: multiplicative trend, 15 observations",
                     [1, 3, 1, 1, 3, 1, 1, 3, 1, 1, 3, 1, 1, 3, 1], "mul", "add", 3, 0.3, 0.3, 0.9),
        holt_winters("published: additive trend, multiplicative season, legacy-heuristic",
                     [1, 1, 1, 1, 2, 1, 1, 3, 1, 1, 4, 1, 1, 5, 1, 1, 6, 1, 1],
                     "add", "mul", 3, 0.005, 0.9, 0.4, init="legacy-heuristic"),
    ]
    shapes = [
        ("m 3", 3, 40, 10, 4, 0.05, 2),
        ("m 4", 4, 48, 20, 8, 0.1, 3),
        ("m 12", 12, 96, 30, 12, 0.02, 4),
        ("m 7", 7, 35, 8, 3, 0.0, 1),
    ]
    seed = 1
    for label, m, n, base, amplitude, slope, noise in shapes:
        series = seasonal_series(n, m, base, amplitude, slope, noise, seed)
        seed += 1
        for trend in ("add", "mul", None):
            for seasonal in ("add", "mul", None):
                for init in ("estimated", "heuristic", "legacy-heuristic"):
                    if init == "legacy-heuristic" and seasonal is None and trend is None:
                        continue
                    cases.append(holt_winters(
                        f"{label}, trend {trend}, season {seasonal}, {init}",
                        series, trend, seasonal, m, 0.4, 0.2, 0.3, init=init))
        cases.append(holt_winters(f"{label}, damped additive trend", series, "add", "add", m,
                                  0.5, 0.3, 0.2, damped=True, phi=0.9))
        cases.append(holt_winters(f"{label}, damped multiplicative trend", series, "mul", "mul", m,
                                  0.5, 0.3, 0.2, damped=True, phi=0.95))
        cases.append(holt_winters(f"{label}, known", series, "add", "add", m, 0.6, 0.1, 0.4,
                                  init="known", level=float(base), slope=0.5, season=1.5))
    return cases


def linear(name, history, look_ahead_ms, now):
    """Times in whole milliseconds since the epoch; x exact, unlike a difference of timestamps."""
    x = [(now + look_ahead_ms - time) / 1000.0 for time, _ in history]
    y = [replicas for _, replicas in history]
    fit = sm.OLS(np.asarray(y, dtype=float), sm.add_constant(np.asarray(x, dtype=float))).fit()
    forecast = float(fit.predict([[1.0, 0.0]])[0])
    return {
        "name": name,
        "now": now,
        "lookAheadMillis": look_ahead_ms,
        "history": [{"time": time, "replicas": replicas} for time, replicas in history],
        "forecast": forecast,
        "replicas": math.ceil(forecast),
    }


def linear_cases():
    # The Predictive HPA's tests: 2020-02-01T00:55:33Z and on, every 10 s; now 2020-02-01T00:56:12Z.
    start = 1580518533000
    published = [(start + 10000 * i, i + 1) for i in range(4)]
    cases = [
        linear("published: now", published, 0, start + 39000),
        linear("published: 10 seconds ahead", published, 10000, start + 39000),
        linear("published: 15 seconds ahead", published, 15000, start + 39000),
    ]
    draw = lcg(99)
    for size in (2, 3, 10, 60):
        history = []
        time = 1700000000000
        for i in range(size):
            time += 15000 + round(next(draw) * 3000)
            history.append((time, max(1, round(5 + 0.2 * i + 4 * next(draw)))))
        for look_ahead in (0, 15000, 60000, 600000):
            cases.append(linear(f"{size} points, {look_ahead} ms ahead", history, look_ahead, time + 2500))
    return cases


def main():
    folder = sys.argv[1]
    source = f"statsmodels {statsmodels.__version__}"
    with open(f"{folder}/holt-winters.json", "w") as out:
        json.dump({"source": source, "steps": STEPS, "cases": holt_winters_cases()}, out, indent=1)
        out.write("\n")
    with open(f"{folder}/linear-regression.json", "w") as out:
        json.dump({"source": source, "cases": linear_cases()}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
