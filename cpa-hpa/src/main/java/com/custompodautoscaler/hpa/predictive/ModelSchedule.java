package com.custompodautoscaler.hpa.predictive;

import com.custompodautoscaler.predict.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a model predicts and from which observations, by the Predictive HPA's fields.
 *
 * @param name the model's name, unique among the models
 * @param perSyncPeriod it predicts every this many runs
 * @param startInterval when set, it starts at the first whole multiple of this after it is first
 *     seen, and reads only observations from then on
 * @param resetDuration when set, a gap longer than this between observations (or since the last)
 *     makes it read only the observations after the gap
 */
record ModelSchedule(
    String name,
    int perSyncPeriod,
    Optional<Duration> startInterval,
    Optional<Duration> resetDuration) {

  static ModelSchedule read(Settings model) {
    return new ModelSchedule(
        model.text("name"),
        model.optionalWhole("perSyncPeriod", 1).orElse(1),
        model.optionalDuration("startInterval"),
        model.optionalDuration("resetDuration"));
  }

  /** Whether the model predicts in the run that made {@code observed} observations in all. */
  boolean due(long observed) {
    return observed % perSyncPeriod == 0;
  }

  /**
   * When a model with {@code startInterval} first seen at {@code now} starts: {@code now} rounded
   * to the nearest multiple of the interval, one interval later when that is before {@code now}.
   */
  static Instant firstStart(Instant now, Duration interval) {
    long every = interval.toMillis();
    long at = now.toEpochMilli();
    long rounded = Math.floorDiv(at + every / 2, every) * every;
    return Instant.ofEpochMilli(rounded < at ? rounded + every : rounded);
  }

  /** The observations the model reads, oldest first, given when it started. */
  List<Observation> readable(List<Observation> history, Optional<Instant> started) {
    int from = 0;
    if (started.isPresent()) {
      while (from < history.size() && history.get(from).time().isBefore(started.get())) {
        from++;
      }
    }
    if (resetDuration.isPresent()) {
      Duration longest = resetDuration.get();
      for (int i = history.size() - 1; i > from; i--) {
        if (Duration.between(history.get(i - 1).time(), history.get(i).time()).compareTo(longest)
            > 0) {
          from = i;
          break;
        }
      }
    }
    return history.subList(from, history.size());
  }
}
