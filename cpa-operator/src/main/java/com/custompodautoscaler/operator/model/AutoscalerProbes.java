package com.custompodautoscaler.operator.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * The probes of the autoscaler's health listener: a startup and a liveness probe on {@code
 * /healthz} and a readiness probe on {@code /readyz}, each added only where the container declares
 * none of its kind, so that one the user wrote is kept as written.
 */
final class AutoscalerProbes {

  /**
   * A minute to start, 30 tries 2 s apart: the 2 s of CPU a JVM takes to start stretch to about 20
   * s under a limit of a tenth of a core. Kubelet holds the other two probes back until this one
   * succeeds.
   */
  private static final Timing STARTUP = new Timing(2, 2, 30);

  /**
   * A restart after half a minute without an answer; 5 s for each answer rides out garbage
   * collection and CPU throttling under a small limit, which a missed probe must not punish.
   */
  private static final Timing LIVENESS = new Timing(10, 5, 3);

  /** Ready within 5 s of the API server answering; readiness restarts nothing. */
  private static final Timing READINESS = new Timing(5, 5, 3);

  private AutoscalerProbes() {}

  /** Gives {@code container} each probe of {@code port} that it does not declare itself. */
  static void addMissing(Container container, int port) {
    if (container.getStartupProbe() == null) {
      container.setStartupProbe(probe("/healthz", port, STARTUP));
    }
    if (container.getLivenessProbe() == null) {
      container.setLivenessProbe(probe("/healthz", port, LIVENESS));
    }
    if (container.getReadinessProbe() == null) {
      container.setReadinessProbe(probe("/readyz", port, READINESS));
    }
  }

  private static Probe probe(String path, int port, Timing timing) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(port))
        .endHttpGet()
        .withPeriodSeconds(timing.periodSeconds())
        .withTimeoutSeconds(timing.timeoutSeconds())
        .withFailureThreshold(timing.failureThreshold())
        .build();
  }

  /** How often kubelet asks, how long it waits for an answer, how many misses in a row fail. */
  private record Timing(int periodSeconds, int timeoutSeconds, int failureThreshold) {}
}
