package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.Observation;
import com.custompodautoscaler.predict.TooFewObservationsException;
import java.time.Instant;
import java.util.List;

/** One of the Predictive HPA's models, as a CPA's logic runs it. */
sealed interface PredictionModel permits LinearModel, HoltWintersModel {

  ModelSchedule schedule();

  /** How many of the newest observations it reads at most. */
  int observationsRead();

  /**
   * The replicas it predicts from {@code history} (oldest first, the newest taken at {@code now}).
   *
   * @throws TooFewObservationsException while it is warming up
   * @throws RuntimeException when it cannot predict, with why
   */
  int predict(List<Observation> history, Instant now);
}
