package com.custompodautoscaler.predict;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the Predictive HPA combines the HPA's replica count with the models' predictions, by its
 * {@code decisionType} names. No candidates at all decide 0, as there.
 */
public enum DecisionType {
  /** The largest candidate. */
  MAXIMUM,
  /** The smallest candidate. */
  MINIMUM,
  /** The mean, rounded half away from zero; 0 when the candidates add up to 0 or less. */
  MEAN,
  /** The middle candidate; of an even number, the mean of the two in the middle, rounded down. */
  MEDIAN;

  /** {@code maximum}, {@code minimum}, {@code mean} or {@code median}. */
  public static DecisionType parse(String name) {
    return Arrays.stream(values())
        .filter(type -> type.configName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + name + "' is not maximum, minimum, mean or median"));
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int decide(List<Integer> candidates) {
    if (candidates.isEmpty()) {
      return 0;
    }
    int[] sorted = candidates.stream().mapToInt(Integer::intValue).sorted().toArray();
    int n = sorted.length;
    return switch (this) {
      case MAXIMUM -> sorted[n - 1];
      case MINIMUM -> sorted[0];
      case MEAN -> {
        long total = Arrays.stream(sorted).asLongStream().sum();
        yield total <= 0 ? 0 : (int) Math.round((double) total / n);
      }
      case MEDIAN ->
          n % 2 == 1 ? sorted[n / 2] : (int) (((long) sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    };
  }
}
