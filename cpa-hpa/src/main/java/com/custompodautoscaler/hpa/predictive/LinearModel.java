package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.LinearRegression;
import com.custompodautoscaler.predict.Observation;
import com.custompodautoscaler.predict.Rounding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Predictive HPA's {@code Linear} model: a straight line through the newest {@code historySize}
 * observations, read {@code lookAhead} milliseconds ahead.
 */
record LinearModel(ModelSchedule schedule, int historySize, Duration lookAhead)
    implements PredictionModel {

  static LinearModel read(ModelSchedule schedule, Settings linear) {
    linear.allowing(Set.of("historySize", "lookAhead"));
    return new LinearModel(
        schedule, linear.whole("historySize", 1), Duration.ofMillis(linear.whole("lookAhead", 0)));
  }

  @Override
  public int observationsRead() {
    return historySize;
  }

  @Override
  public int predict(List<Observation> history, Instant now) {
    List<Observation> read =
        history.subList(Math.max(0, history.size() - historySize), history.size());
    return Rounding.replicas(LinearRegression.forecast(read, now.plus(lookAhead)));
  }
}
