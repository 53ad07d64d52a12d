package com.custompodautoscaler.core.hpa;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses one replica count from the proposals of all metrics, as the upstream HPA does: the
 * highest proposal wins. A failed metric may hide a higher proposal, so failures block any result
 * below the spec replicas; a scale up still goes ahead, with the failures reported.
 */
public final class ProposalSelector {

  /** The highest proposal in {@code outcomes}, judged against the scale's spec replicas. */
  public SelectedProposal select(List<MetricOutcome> outcomes, int specReplicas) {
    if (outcomes.isEmpty()) {
      throw new IllegalArgumentException("there are no metric outcomes to choose from");
    }
    List<MetricOutcome.Failure> failures = only(MetricOutcome.Failure.class, outcomes);
    Optional<MetricOutcome.Proposal> highest =
        only(MetricOutcome.Proposal.class, outcomes).stream()
            .max(Comparator.comparingInt(MetricOutcome.Proposal::replicas));
    if (highest.isEmpty() || (!failures.isEmpty() && highest.get().replicas() < specReplicas)) {
      throw invalidMetrics(failures, outcomes.size());
    }
    return new SelectedProposal(highest.get().replicas(), highest.get().metric(), failures);
  }

  private static <T extends MetricOutcome> List<T> only(
      Class<T> kind, List<MetricOutcome> outcomes) {
    return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static InvalidMetricsException invalidMetrics(
      List<MetricOutcome.Failure> failures, int metricCount) {
    MetricOutcome.Failure first = failures.get(0);
    return new InvalidMetricsException(
        "invalid metrics ("
            + failures.size()
            + " invalid out of "
            + metricCount
            + "), first error is: "
            + first.describe(),
        first.cause());
  }
}
