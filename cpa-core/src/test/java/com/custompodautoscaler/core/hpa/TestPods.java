package com.custompodautoscaler.core.hpa;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds the grouped pods of one metric for calculator tests: ready pods with a value, unready and
 * missing pods, values of pods nobody listed, and a request (1000m unless told) for each listed
 * pod.
 */
final class TestPods {

  private static final long DEFAULT_REQUEST = 1000;

  private final Map<String, Long> values = new HashMap<>();
  private final Map<String, Long> requests = new HashMap<>();
  private final Set<String> unready = new HashSet<>();
  private final Set<String> missing = new HashSet<>();
  private int ready;

  static TestPods pods() {
    return new TestPods();
  }

  /** A ready pod with a sample of {@code value}. */
  TestPods measured(String pod, long value) {
    return measured(pod, value, DEFAULT_REQUEST);
  }

  /** A ready pod with a sample of {@code value} and a request of {@code request}. */
  TestPods measured(String pod, long value, long request) {
    values.put(pod, value);
    requests.put(pod, request);
    ready++;
    return this;
  }

  /** {@code count} ready pods named p0, p1, ... each with a sample of {@code value}. */
  TestPods measuredEach(int count, long value) {
    for (int i = 0; i < count; i++) {
      measured("p" + i, value);
    }
    return this;
  }

  TestPods unready(String pod) {
    unready.add(pod);
    requests.put(pod, DEFAULT_REQUEST);
    return this;
  }

  TestPods missing(String pod) {
    missing.add(pod);
    requests.put(pod, DEFAULT_REQUEST);
    return this;
  }

  /** A missing pod whose request is unknown. */
  TestPods missingWithoutRequest(String pod) {
    missing.add(pod);
    return this;
  }

  /** A sample of a pod the selector did not list: it has no request and is not counted ready. */
  TestPods unlisted(String pod, long value) {
    values.put(pod, value);
    return this;
  }

  PodMetrics metrics() {
    return new PodMetrics(values, ready, unready, missing);
  }

  Map<String, Long> requests() {
    return Map.copyOf(requests);
  }

  @Override
  public String toString() {
    return "values=" + values + " unready=" + unready + " missing=" + missing;
  }
}
