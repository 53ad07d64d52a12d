package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.HoltWinters;
import com.custompodautoscaler.predict.HoltWinters.Component;
import com.custompodautoscaler.predict.HoltWinters.Initialization;
import com.custompodautoscaler.predict.HoltWinters.KnownStart;
import com.custompodautoscaler.predict.Observation;
import com.custompodautoscaler.predict.Rounding;
import com.custompodautoscaler.predict.TooFewObservationsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Predictive HPA's {@code HoltWinters} model over the newest {@code storedSeasons} seasons: the
 * highest forecast of the next {@code horizon} runs (1, one run ahead, as the Predictive HPA). Its
 * smoothing parameters may come from a tuning hook at every prediction.
 *
 * @param configured the model's settings as written, which the tuning hook is sent
 */
record HoltWintersModel(
    ModelSchedule schedule,
    Component trend,
    Component seasonal,
    int seasonalPeriods,
    int storedSeasons,
    Optional<Double> alpha,
    Optional<Double> beta,
    Optional<Double> gamma,
    OptionalDouble dampingTrend,
    Initialization initialization,
    Optional<KnownStart> known,
    int horizon,
    Optional<TuningHook> tuning,
    JsonNode configured)
    implements PredictionModel {

  private static final Set<String> FIELDS =
      Set.of(
          "alpha",
          "beta",
          "gamma",
          "trend",
          "seasonal",
          "seasonalPeriods",
          "storedSeasons",
          "dampedTrend",
          "dampingTrend",
          "initializationMethod",
          "initialLevel",
          "initialTrend",
          "initialSeasonal",
          "horizon",
          "runtimeTuningFetchHook");

  static HoltWintersModel read(ModelSchedule schedule, Settings model, Settings holtWinters) {
    holtWinters.allowing(FIELDS);
    Component trend = component(holtWinters, "trend");
    Component seasonal = component(holtWinters, "seasonal");
    boolean damped = holtWinters.flag("dampedTrend");
    OptionalDouble phi =
        holtWinters
            .optionalNumber("dampingTrend")
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty());
    if (damped && phi.isEmpty()) {
      throw new IllegalArgumentException(
          holtWinters.where("dampingTrend")
              + " is required with dampedTrend: true (the damping factor, such as 0.98); the"
              + " Predictive HPA passes none, with which statsmodels fails");
    }
    Initialization initialization =
        holtWinters
            .optionalText("initializationMethod")
            .map(
                name ->
                    parse(
                        holtWinters.where("initializationMethod"),
                        () -> Initialization.parse(name)))
            .orElse(Initialization.ESTIMATED);
    Optional<KnownStart> known =
        initialization == Initialization.KNOWN
            ? Optional.of(
                new KnownStart(
                    holtWinters
                        .optionalNumber("initialLevel")
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    holtWinters.where("initialLevel")
                                        + " is required with initializationMethod: known")),
                    optional(holtWinters, "initialTrend"),
                    optional(holtWinters, "initialSeasonal")))
            : Optional.empty();
    Optional<TuningHook> tuning =
        holtWinters.optionalChild("runtimeTuningFetchHook").map(TuningHook::read);
    HoltWintersModel read =
        new HoltWintersModel(
            schedule,
            trend,
            seasonal,
            holtWinters.whole("seasonalPeriods", 1),
            holtWinters.whole("storedSeasons", 1),
            holtWinters.optionalNumber("alpha"),
            holtWinters.optionalNumber("beta"),
            holtWinters.optionalNumber("gamma"),
            damped ? phi : OptionalDouble.empty(),
            initialization,
            known,
            holtWinters.optionalWhole("horizon", 1).orElse(1),
            tuning,
            model.node());
    if (tuning.isEmpty()) {
      for (String parameter : List.of("alpha", "beta", "gamma")) {
        if (!holtWinters.has(parameter)) {
          throw new IllegalArgumentException(
              holtWinters.where(parameter) + " is required without a runtimeTuningFetchHook");
        }
      }
      parse(
          holtWinters.path(),
          () -> read.model(read.alpha.get(), read.beta.get(), read.gamma.get()));
    }
    return read;
  }

  @Override
  public int observationsRead() {
    return storedSeasons * seasonalPeriods;
  }

  @Override
  public int predict(List<Observation> history, Instant now) {
    List<Observation> read =
        history.subList(Math.max(0, history.size() - observationsRead()), history.size());
    int fewest = HoltWinters.fewestObservations(seasonal, seasonalPeriods);
    if (read.size() < fewest) {
      // Checked before the hook is asked, as the Predictive HPA does.
      throw new TooFewObservationsException(
          "Holt-Winters needs " + fewest + " observations, has " + read.size());
    }
    TuningHook.Tuned tuned =
        tuning.map(hook -> hook.fetch(configured, read)).orElse(TuningHook.Tuned.NONE);
    HoltWinters model =
        model(
            tuned.alpha().or(() -> alpha).orElseThrow(() -> missing("alpha")),
            tuned.beta().or(() -> beta).orElseThrow(() -> missing("beta")),
            tuned.gamma().or(() -> gamma).orElseThrow(() -> missing("gamma")));
    double[] series = read.stream().mapToDouble(Observation::replicas).toArray();
    int highest = Integer.MIN_VALUE;
    for (double forecast : model.forecast(series, horizon)) {
      highest = Math.max(highest, Rounding.replicas(forecast));
    }
    return highest;
  }

  private HoltWinters model(double alphaValue, double betaValue, double gammaValue) {
    return new HoltWinters(
        trend,
        seasonal,
        seasonalPeriods,
        alphaValue,
        betaValue,
        gammaValue,
        dampingTrend,
        initialization,
        known);
  }

  private IllegalStateException missing(String parameter) {
    return new IllegalStateException("neither the model nor its tuning hook gives " + parameter);
  }

  private static Component component(Settings holtWinters, String field) {
    String name = holtWinters.text(field);
    return parse(holtWinters.where(field), () -> Component.parse(name));
  }

  private static OptionalDouble optional(Settings settings, String field) {
    return settings.optionalNumber(field).map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  /** {@code reading}'s result, its refusal prefixed with {@code where}. */
  private static <T> T parse(String where, Supplier<T> reading) {
    try {
      return reading.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
