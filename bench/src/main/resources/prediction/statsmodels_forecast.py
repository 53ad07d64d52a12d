"""The Predictive HPA's way to forecast, for the prediction benchmark: one process per model per
sync, which imports statsmodels, fits Holt-Winters with fixed parameters to the series on stdin
and prints the one-step forecast. Also prints how long the import and the fit took inside it.

stdin: {"series": [...], "trend": "add", "seasonal": "add", "seasonalPeriods": m,
        "alpha": a, "beta": b, "gamma": g}
stdout: {"forecast": f, "importMillis": i, "fitMillis": t}
"""

import json
import sys
import time

started = time.perf_counter()
import statsmodels.tsa.api as tsa  # noqa: E402

imported = time.perf_counter()
request = json.load(sys.stdin)
began = time.perf_counter()
model = tsa.ExponentialSmoothing(
    request["series"],
    trend=request["trend"],
    seasonal=request["seasonal"],
    seasonal_periods=request["seasonalPeriods"],
    initialization_method="estimated",
)
fitted = model.fit(
    smoothing_level=request["alpha"],
    smoothing_trend=request["beta"],
    smoothing_seasonal=request["gamma"],
    optimized=False,
)
forecast = float(fitted.forecast(1)[0])
done = time.perf_counter()
json.dump(
    {
        "forecast": forecast,
        "importMillis": (imported - started) * 1000,
        "fitMillis": (done - began) * 1000,
    },
    sys.stdout,
)
