package com.custompodautoscaler.predict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Holt-Winters exponential smoothing with fixed smoothing parameters: the Predictive HPA's seasonal
 * model, computed as statsmodels' {@code ExponentialSmoothing(...).fit(optimized=False)} computes
 * it, so that the same history gives the same forecast.
 *
 * @param trend how the trend combines with the level
 * @param seasonal how the season combines with level and trend
 * @param seasonalPeriods observations in a season (ignored without a season)
 * @param alpha smoothing of the level, 0 to 1
 * @param beta smoothing of the trend, 0 to 1
 * @param gamma smoothing of the season, 0 to 1
 * @param dampingTrend the damping factor phi of a damped trend, above 0 and at most 1; empty for a
 *     trend that is not damped
 * @param initialization how the first level, trend and season are found
 * @param known the first level, trend and season, for {@link Initialization#KNOWN} only
 */
public record HoltWinters(
    Component trend,
    Component seasonal,
    int seasonalPeriods,
    double alpha,
    double beta,
    double gamma,
    OptionalDouble dampingTrend,
    Initialization initialization,
    Optional<KnownStart> known) {

  /** How a component combines: not at all, by adding, or by multiplying. */
  public enum Component {
    NONE,
    ADD,
    MUL;

    /** {@code add}, {@code additive}, {@code mul} or {@code multiplicative}, as statsmodels. */
    public static Component parse(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "add", "additive" -> ADD;
        case "mul", "multiplicative" -> MUL;
        default ->
            throw new IllegalArgumentException(
                "'" + name + "' is not add, additive, mul or multiplicative");
      };
    }
  }

  /** How the first level, trend and season are found, by statsmodels' names. */
  public enum Initialization {
    /**
     * With fixed smoothing parameters and the observations the model asks for, statsmodels' {@code
     * estimated} is {@link #HEURISTIC}.
     */
    ESTIMATED("estimated"),
    /** From a moving average over the first seasons (Hyndman et al., section 2.6). */
    HEURISTIC("heuristic"),
    /** statsmodels' method before 0.12, from the first two seasons. */
    LEGACY_HEURISTIC("legacy-heuristic"),
    /** Given as {@link KnownStart}. */
    KNOWN("known");

    private final String configName;

    Initialization(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }

    public static Initialization parse(String name) {
      return Arrays.stream(values())
          .filter(method -> method.configName.equals(name))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "'" + name + "' is not estimated, heuristic, legacy-heuristic or known"));
    }
  }

  /**
   * The first level, trend and season of {@link Initialization#KNOWN}. One seasonal value stands
   * for every position of the season, as the Predictive HPA's {@code initialSeasonal} does.
   */
  public record KnownStart(double level, OptionalDouble trend, OptionalDouble seasonal) {}

  /**
   * @throws IllegalArgumentException naming the setting that is out of range or missing
   */
  public HoltWinters {
    if (seasonal != Component.NONE && seasonalPeriods < 1) {
      throw new IllegalArgumentException(
          "seasonalPeriods must be at least 1, is " + seasonalPeriods);
    }
    requireFraction("alpha", alpha);
    requireFraction("beta", beta);
    requireFraction("gamma", gamma);
    if (dampingTrend.isPresent()) {
      double phi = dampingTrend.getAsDouble();
      if (trend == Component.NONE) {
        throw new IllegalArgumentException("a damped trend needs a trend");
      }
      if (!(phi > 0 && phi <= 1)) {
        throw new IllegalArgumentException("dampingTrend must be above 0 and at most 1, is " + phi);
      }
    }
    if ((initialization == Initialization.KNOWN) != known.isPresent()) {
      throw new IllegalArgumentException(
          initialization == Initialization.KNOWN
              ? "initializationMethod known needs initialLevel"
              : "initialLevel, initialTrend and initialSeasonal are for initializationMethod"
                  + " known only");
    }
    known.ifPresent(
        start -> {
          if (trend != Component.NONE && start.trend().isEmpty()) {
            throw new IllegalArgumentException("initializationMethod known needs initialTrend");
          }
          if (seasonal != Component.NONE && start.seasonal().isEmpty()) {
            throw new IllegalArgumentException("initializationMethod known needs initialSeasonal");
          }
        });
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be from 0 to 1, is " + value);
    }
  }

  /** Observations in a season, 1 without a season. */
  int period() {
    return period(seasonal, seasonalPeriods);
  }

  private static int period(Component seasonal, int seasonalPeriods) {
    return seasonal == Component.NONE ? 1 : seasonalPeriods;
  }

  /**
   * The fewest observations the model forecasts from, the Predictive HPA's two bounds: two seasons,
   * and 10 more than the moving average of the heuristic start loses at each end.
   */
  public int fewestObservations() {
    return fewestObservations(seasonal, seasonalPeriods);
  }

  /** {@link #fewestObservations()} of any model with this season. */
  public static int fewestObservations(Component seasonal, int seasonalPeriods) {
    int m = period(seasonal, seasonalPeriods);
    return Math.max(2 * m, 10 + 2 * (m / 2));
  }

  /**
   * The forecasts of the next {@code steps} observations after {@code series}, oldest first.
   *
   * @throws TooFewObservationsException when {@code series} is shorter than {@link
   *     #fewestObservations()}
   * @throws IllegalArgumentException when a multiplicative component meets an observation that is
   *     not above 0
   */
  public double[] forecast(double[] series, int steps) {
    checkObservations(series);
    HoltWintersStart start = HoltWintersStart.of(this, series);
    return new HoltWintersSmoothing(this, start, series).forecast(steps);
  }

  private void checkObservations(double[] series) {
    int n = series.length;
    int m = period();
    if (n < 2 * m) {
      throw new TooFewObservationsException(
          "Holt-Winters needs at least 2 * seasonalPeriods = " + 2 * m + " observations, has " + n);
    }
    if (n < 10 + 2 * (m / 2)) {
      throw new TooFewObservationsException(
          "Holt-Winters needs at least 10 + 2 * (seasonalPeriods // 2) = "
              + (10 + 2 * (m / 2))
              + " observations, has "
              + n);
    }
    if (trend == Component.MUL || seasonal == Component.MUL) {
      for (int i = 0; i < n; i++) {
        if (!(series[i] > 0)) {
          throw new IllegalArgumentException(
              "a multiplicative trend or season needs every observation above 0; observation "
                  + i
                  + " is "
                  + series[i]);
        }
      }
    }
  }
}
