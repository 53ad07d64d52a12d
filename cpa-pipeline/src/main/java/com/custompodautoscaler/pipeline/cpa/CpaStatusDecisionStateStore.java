package com.custompodautoscaler.pipeline.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.pipeline.kubernetes.ClientErrors;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision state in the CustomPodAutoscaler's status ({@code stabilizationWindow}, {@code
 * scaleUpEvents}, {@code scaleDownEvents}), so that a restart does not reset it; written with the
 * run's report when one reports the runs ({@link CpaConnection}). A failure to read or write is
 * logged and never fails a run: the autoscaler goes on from what it has in memory.
 */
public final class CpaStatusDecisionStateStore implements DecisionStateStore {

  private static final Logger log = LoggerFactory.getLogger(CpaStatusDecisionStateStore.class);

  private final CpaConnection cpa;
  private String lastProblem = "";

  CpaStatusDecisionStateStore(CpaConnection cpa) {
    this.cpa = cpa;
  }

  /**
   * The state as the status keeps it: as the connection last found or wrote it, else as the API
   * server has it now; empty without a CPA or a status.
   */
  @Override
  public DecisionState load() {
    if (cpa.found()) {
      return DecisionStateCodec.decode(cpa.current());
    }
    try {
      CustomPodAutoscaler found = cpa.read();
      return found == null || found.getStatus() == null
          ? DecisionState.empty()
          : DecisionStateCodec.decode(found.getStatus());
    } catch (KubernetesClientException e) {
      log.warn(
          "cannot read the decision state of CustomPodAutoscaler {}: {}; starting without it",
          cpa.describe(),
          ClientErrors.describe(e));
      return DecisionState.empty();
    }
  }

  @Override
  public void save(DecisionState state) {
    try {
      cpa.saveDecisionState(AutoscalerStatus.withDecisionState(cpa.current(), state));
      lastProblem = "";
    } catch (KubernetesClientException e) {
      String problem = ClientErrors.describe(e);
      if (!problem.equals(lastProblem)) {
        log.warn(
            "cannot save the decision state to CustomPodAutoscaler {}: {}",
            cpa.describe(),
            problem);
        lastProblem = problem;
      }
    }
  }
}
