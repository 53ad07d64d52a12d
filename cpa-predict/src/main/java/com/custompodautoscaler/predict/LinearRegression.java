package com.custompodautoscaler.predict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ordinary least squares of replicas on time, read at a moment ahead: the Predictive HPA's linear
 * model. Each observation's x is the seconds from it to that moment; the forecast is the fitted
 * line at x = 0, its intercept. The order of the observations does not matter.
 */
public final class LinearRegression {

  private LinearRegression() {}

  /**
   * The replicas the line through {@code history} gives at {@code at}. One observation is its own
   * forecast, as in the Predictive HPA; observations all at one moment give their mean.
   *
   * @throws TooFewObservationsException when {@code history} is empty
   */
  public static double forecast(List<Observation> history, Instant at) {
    int n = history.size();
    if (n == 0) {
      throw new TooFewObservationsException(
          "linear regression needs at least one observation, has none");
    }
    double[] x = new double[n];
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      Observation observation = history.get(i);
      x[i] = seconds(Duration.between(observation.time(), at));
      meanX += x[i];
      meanY += observation.replicas();
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      sxx += dx * dx;
      sxy += dx * (history.get(i).replicas() - meanY);
    }
    if (sxx == 0) {
      return meanY;
    }
    return meanY - sxy / sxx * meanX;
  }

  private static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }
}
