package com.custompodautoscaler.host.cpa;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.pipeline.assembly.WriteGate;
import com.custompodautoscaler.pipeline.run.RunObserver;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * A hosted CPA's writes, made only while its replica may act on its shard: a replica that lost the
 * shard (paused past its lease, cut off from the API server) may be in the middle of a run, and
 * another replica may already run the CPA. The scale is not set, the decision state not saved and
 * the run not reported; reads go on, they change nothing.
 */
public final class Fenced implements WriteGate {

  private final BooleanSupplier mayAct;
  private final String cpa;

  /**
   * @param mayAct whether the replica may act on the CPA's shard now
   * @param cpa the CPA as {@code namespace/name}, for messages
   */
  public Fenced(BooleanSupplier mayAct, String cpa) {
    this.mayAct = mayAct;
    this.cpa = cpa;
  }

  /** {@code scale} whose {@code setReplicas} refuses when the shard is not held. */
  @Override
  public ScaleClient scale(ScaleClient scale) {
    return new ScaleClient() {
      @Override
      public ScaleState readScale(TargetRef target, String namespace) {
        return scale.readScale(target, namespace);
      }

      @Override
      public void setReplicas(TargetRef target, String namespace, int replicas) {
        if (!mayAct.getAsBoolean()) {
          throw new KubernetesAccessException(
              "this replica no longer holds the shard of " + cpa + "; another replica runs it",
              OptionalInt.empty(),
              null);
        }
        scale.setReplicas(target, namespace, replicas);
      }
    };
  }

  /** {@code store} whose {@code save} does nothing when the shard is not held. */
  @Override
  public DecisionStateStore decisionStates(DecisionStateStore store) {
    return new DecisionStateStore() {
      @Override
      public DecisionState load() {
        return store.load();
      }

      @Override
      public void save(DecisionState state) {
        if (mayAct.getAsBoolean()) {
          store.save(state);
        }
      }
    };
  }

  /** {@code observer}, told of a run only when the shard is held. */
  @Override
  public RunObserver observer(RunObserver observer) {
    return report -> {
      if (mayAct.getAsBoolean()) {
        observer.finished(report);
      }
    };
  }
}
