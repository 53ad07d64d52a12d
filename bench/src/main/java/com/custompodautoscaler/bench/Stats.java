package com.custompodautoscaler.bench;

import java.util.Arrays;
import java.util.List;

/** Summary statistics of measured durations, in milliseconds. */
record Stats(int count, double median, double p99, double mean, double min, double max) {

  static Stats ofNanos(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Stats(
        sorted.length,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 99)),
        millis((long) Arrays.stream(sorted).average().orElse(0)),
        millis(sorted[0]),
        millis(sorted[sorted.length - 1]));
  }

  /** The nearest-rank percentile. */
  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  String describe() {
    return String.format(
        "n=%d median=%.2f ms p99=%.2f ms mean=%.2f ms min=%.2f ms max=%.2f ms",
        count, median, p99, mean, min, max);
  }
}
