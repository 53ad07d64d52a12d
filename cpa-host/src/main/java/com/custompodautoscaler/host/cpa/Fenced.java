package com.custompodautoscaler.host.cpa;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.DecisionStateStore;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.pipeline.run.RunObserver;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * A hosted CPA's writes, made only while its replica may act on its shard: a replica that lost the
 * shard (paused past its lease, cut off from the API server) may be in the middle of a run, and
 * another replica may already run the CPA. The scale is not set, the decision state not saved and
 * the run not reported; reads go on, they change nothing.
 */
public final class Fenced {

  private Fenced() {}

  /** {@code scale} whose {@code setReplicas} refuses when {@code mayAct} says no. */
  public static ScaleClient scale(ScaleClient scale, BooleanSupplier mayAct, String cpa) {
    return new ScaleClient() {
      @Override
      public ScaleState readScale(TargetRef target, String namespace) {
        return scale.readScale(target, namespace);
      }

      @Override
      public void setReplicas(TargetRef target, String namespace, int replicas) {
        if (!mayAct.getAsBoolean()) {
          throw new KubernetesAccessException(lost(cpa), OptionalInt.empty(), null);
        }
        scale.setReplicas(target, namespace, replicas);
      }
    };
  }

  /** {@code store} whose {@code save} does nothing when {@code mayAct} says no. */
  public static DecisionStateStore decisionStates(
      DecisionStateStore store, BooleanSupplier mayAct) {
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

  /** {@code observer}, told of a run only when {@code mayAct} says yes. */
  public static RunObserver observer(RunObserver observer, BooleanSupplier mayAct) {
    return report -> {
      if (mayAct.getAsBoolean()) {
        observer.finished(report);
      }
    };
  }

  private static String lost(String cpa) {
    return "this replica no longer holds the shard of " + cpa + "; another replica runs it";
  }
}
