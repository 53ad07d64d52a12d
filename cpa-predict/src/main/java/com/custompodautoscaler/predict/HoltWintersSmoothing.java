package com.custompodautoscaler.predict;

import com.custompodautoscaler.predict.HoltWinters.Component;

/**
 * The smoothing itself: level, trend and season updated observation by observation from their
 * start, then carried forward as forecasts, in statsmodels' order of operations.
 */
final class HoltWintersSmoothing {

  private final HoltWinters model;
  private final double phi;
  private final int n;
  private final int m;
  private final double[] level;
  private final double[] trend;
  private final double[] season;

  HoltWintersSmoothing(HoltWinters model, HoltWintersStart start, double[] y) {
    this.model = model;
    this.phi = model.dampingTrend().orElse(1);
    this.n = y.length;
    this.m = model.period();
    this.level = new double[n + 1];
    this.trend = new double[n + 1];
    this.season = new double[n + m];
    level[0] = start.level();
    trend[0] = start.trend();
    if (model.seasonal() != Component.NONE) {
      System.arraycopy(start.season(), 0, season, 0, m);
    }
    smooth(y);
  }

  private void smooth(double[] y) {
    double alpha = model.alpha();
    double beta = model.beta();
    double gamma = model.gamma();
    for (int i = 1; i <= n; i++) {
      double observed = y[i - 1];
      double previous = trended(level[i - 1], damped(trend[i - 1]));
      level[i] =
          switch (model.seasonal()) {
            case MUL -> alpha * observed / season[i - 1] + (1 - alpha) * previous;
            case ADD -> alpha * observed - alpha * season[i - 1] + (1 - alpha) * previous;
            case NONE -> alpha * observed + (1 - alpha) * previous;
          };
      if (model.trend() != Component.NONE) {
        trend[i] = beta * change(level[i], level[i - 1]) + (1 - beta) * damped(trend[i - 1]);
      }
      switch (model.seasonal()) {
        case MUL -> season[i + m - 1] = gamma * observed / previous + (1 - gamma) * season[i - 1];
        case ADD ->
            season[i + m - 1] = gamma * observed - gamma * previous + (1 - gamma) * season[i - 1];
        case NONE -> {}
      }
    }
  }

  /**
   * Forecasts of the {@code steps} observations after the last. The season of a step at or past the
   * last position smoothed is read as statsmodels reads it: the value a season before.
   */
  double[] forecast(int steps) {
    double[] forecasts = new double[steps];
    double horizon = 0;
    double power = 1;
    for (int j = 0; j < steps; j++) {
      if (model.dampingTrend().isPresent()) {
        power *= phi;
        horizon += power;
      } else {
        horizon = j + 1;
      }
      double ahead =
          switch (model.trend()) {
            case NONE -> level[n];
            case ADD -> level[n] + trend[n] * horizon;
            case MUL -> level[n] * Math.pow(trend[n], horizon);
          };
      int k = n + j;
      double seasonal = season[k <= n + m - 2 ? k : n - 1 + (k - (n + m - 1)) % m];
      forecasts[j] =
          switch (model.seasonal()) {
            case NONE -> ahead;
            case ADD -> ahead + seasonal;
            case MUL -> ahead * seasonal;
          };
    }
    return forecasts;
  }

  private double trended(double levelValue, double trendValue) {
    return switch (model.trend()) {
      case NONE -> levelValue;
      case ADD -> levelValue + trendValue;
      case MUL -> levelValue * trendValue;
    };
  }

  private double change(double to, double from) {
    return model.trend() == Component.MUL ? to / from : to - from;
  }

  private double damped(double trendValue) {
    return switch (model.trend()) {
      case NONE -> 0;
      case ADD -> trendValue * phi;
      case MUL -> Math.pow(trendValue, phi);
    };
  }
}
