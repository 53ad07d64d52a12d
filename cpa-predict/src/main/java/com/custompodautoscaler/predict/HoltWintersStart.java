package com.custompodautoscaler.predict;

import com.custompodautoscaler.predict.HoltWinters.Component;
import java.util.Arrays;

/**
 * The level, trend and season the smoothing starts from, by the model's initialization method, as
 * statsmodels finds them.
 *
 * @param level the first level
 * @param trend the first trend: a difference (additive), a ratio (multiplicative), 0 without one
 * @param season the first season, one value per position; a single 0 without one
 */
record HoltWintersStart(double level, double trend, double[] season) {

  /** The observations the heuristic fits its first level and trend to. */
  private static final int LEVEL_FIT = 10;

  static HoltWintersStart of(HoltWinters model, double[] y) {
    return switch (model.initialization()) {
      case ESTIMATED, HEURISTIC -> heuristic(model, y);
      case LEGACY_HEURISTIC -> legacy(model, y);
      case KNOWN -> known(model);
    };
  }

  private static HoltWintersStart known(HoltWinters model) {
    HoltWinters.KnownStart start = model.known().orElseThrow();
    double[] season = new double[model.period()];
    Arrays.fill(season, start.seasonal().orElse(0));
    return new HoltWintersStart(start.level(), start.trend().orElse(0), season);
  }

  /**
   * Hyndman et al. (2008), section 2.6: a centred moving average over the first seasons (at most
   * five) gives the trend of the data; each position's mean deviation from it, normalised, the
   * season; a straight line through the first ten averages, the level and trend.
   */
  private static HoltWintersStart heuristic(HoltWinters model, double[] y) {
    double[] smoothed = y;
    double[] season = {0};
    if (model.seasonal() != Component.NONE) {
      int m = model.period();
      int fewest = 10 + 2 * (m / 2);
      int cycles = Math.max(Math.min(5, y.length / m), (fewest + m - 1) / m);
      double[] head = Arrays.copyOf(y, Math.min(y.length, cycles * m));
      double[] average = centredMovingAverage(head, m);
      season = meanDeviation(head, average, m, cycles, model.seasonal());
      smoothed = Arrays.stream(average).filter(value -> !Double.isNaN(value)).toArray();
    }
    double[] line = straightLine(smoothed);
    double trend =
        switch (model.trend()) {
          case NONE -> 0;
          case ADD -> line[1];
          case MUL -> 1 + line[1] / line[0];
        };
    return new HoltWintersStart(line[0], trend, season);
  }

  /**
   * The mean of the season around each observation, NaN where the season does not fit: for an odd
   * {@code m} the {@code m} observations centred on it; for an even one, the mean of the two
   * windows of {@code m} that straddle it. The window's sum slides along, one value in and one out,
   * with the error of each addition carried along (Neumaier), so a season of thousands costs one
   * pass and stays exact to the last bits.
   */
  private static double[] centredMovingAverage(double[] x, int m) {
    int n = x.length;
    double[] window = new double[n];
    Arrays.fill(window, Double.NaN);
    double sum = 0;
    double error = 0;
    for (int j = 0; j < n; j++) {
      double[] added = compensated(sum, error, x[j]);
      if (j >= m) {
        added = compensated(added[0], added[1], -x[j - m]);
      }
      sum = added[0];
      error = added[1];
      if (j >= m - 1) {
        window[j - m + 1 + m / 2] = (sum + error) / m;
      }
    }
    if (m % 2 == 1) {
      return window;
    }
    double[] centred = new double[n];
    Arrays.fill(centred, Double.NaN);
    for (int i = 0; i + 1 < n; i++) {
      centred[i] = (window[i] + window[i + 1]) / 2;
    }
    return centred;
  }

  /** {@code sum + value}, and the error that addition made added to {@code error}. */
  private static double[] compensated(double sum, double error, double value) {
    double next = sum + value;
    double lost = Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
    return new double[] {next, error + lost};
  }

  /** Each position's mean deviation from the average over the cycles it has one in, normalised. */
  private static double[] meanDeviation(
      double[] x, double[] average, int m, int cycles, Component seasonal) {
    double[] season = new double[m];
    for (int position = 0; position < m; position++) {
      double sum = 0;
      int count = 0;
      for (int cycle = 0; cycle < cycles; cycle++) {
        int i = cycle * m + position;
        if (i < x.length && !Double.isNaN(average[i])) {
          sum += seasonal == Component.ADD ? x[i] - average[i] : x[i] / average[i];
          count++;
        }
      }
      season[position] = sum / count;
    }
    double mean = Arrays.stream(season).sum() / m;
    for (int position = 0; position < m; position++) {
      season[position] =
          seasonal == Component.ADD ? season[position] - mean : season[position] / mean;
    }
    return season;
  }

  /** Intercept and slope of least squares through the first ten values at x = 1 to 10. */
  private static double[] straightLine(double[] values) {
    double meanX = (LEVEL_FIT + 1) / 2.0;
    double meanY = 0;
    for (int i = 0; i < LEVEL_FIT; i++) {
      meanY += values[i];
    }
    meanY /= LEVEL_FIT;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < LEVEL_FIT; i++) {
      double dx = i + 1 - meanX;
      sxx += dx * dx;
      sxy += dx * (values[i] - meanY);
    }
    double slope = sxy / sxx;
    return new double[] {meanY - slope * meanX, slope};
  }

  /**
   * statsmodels' method before 0.12: the level is the mean of the first position of every season;
   * the trend, the mean change per step from the first season to the second; the season, the first
   * season against that level. Without a season: the first observation and the first change.
   */
  private static HoltWintersStart legacy(HoltWinters model, double[] y) {
    if (model.seasonal() == Component.NONE) {
      double trend =
          switch (model.trend()) {
            case NONE -> 0;
            case ADD -> y[1] - y[0];
            case MUL -> y[1] / y[0];
          };
      return new HoltWintersStart(y[0], trend, new double[] {0});
    }
    int m = model.period();
    double level = 0;
    int positions = 0;
    for (int i = 0; i < y.length; i += m) {
      level += y[i];
      positions++;
    }
    level /= positions;
    double trend = 0;
    if (model.trend() == Component.ADD) {
      for (int i = 0; i < m; i++) {
        trend += (y[m + i] - y[i]) / m;
      }
      trend /= m;
    } else if (model.trend() == Component.MUL) {
      double first = Arrays.stream(y, 0, m).sum() / m;
      double second = Arrays.stream(y, m, 2 * m).sum() / m;
      trend = Math.exp((Math.log(second) - Math.log(first)) / m);
    }
    double[] season = new double[m];
    for (int i = 0; i < m; i++) {
      season[i] = model.seasonal() == Component.MUL ? y[i] / level : y[i] - level;
    }
    return new HoltWintersStart(level, trend, season);
  }
}
