package com.custompodautoscaler.pipeline.testing;

import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.KubernetesObject;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import com.custompodautoscaler.core.port.TargetReader;
import com.custompodautoscaler.pipeline.run.KubernetesMetricsSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;

/**
 * A target with a scale and pods, in memory; records every replica change and can be made to fail.
 * A cluster made {@link #withoutTarget(String)} has no target at all, so every call for it is the
 * API server's 404, as on a cluster where the target was never created.
 */
public final class FakeCluster implements ScaleClient, TargetReader, KubernetesMetricsSource {

  private final KubernetesObject target;
  private final boolean targetExists;
  private int replicas;
  private String selector = "app=web";
  private final List<KubernetesObject> pods = new ArrayList<>();
  private final List<Integer> replicaWrites = new ArrayList<>();
  private final Deque<KubernetesAccessException> writeFailures = new ArrayDeque<>();
  private KubernetesAccessException readTargetFailure;
  private KubernetesAccessException readScaleFailure;
  private KubernetesAccessException listPodsFailure;
  private final List<String> podQueries = new ArrayList<>();
  private Gathered kubernetesMetrics = new Gathered(List.of(), List.of());

  public FakeCluster(String targetName, int replicas) {
    this(targetName, replicas, true);
  }

  /** A cluster where the target {@code targetName} does not exist. */
  public static FakeCluster withoutTarget(String targetName) {
    return new FakeCluster(targetName, 0, false);
  }

  private FakeCluster(String targetName, int replicas, boolean targetExists) {
    this.targetExists = targetExists;
    this.target =
        new KubernetesObject(
            targetName,
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
                + targetName
                + "\"},\"spec\":{\"replicas\":"
                + replicas
                + "}}");
    this.replicas = replicas;
  }

  public FakeCluster withPods(String... names) {
    for (String name : names) {
      pods.add(new KubernetesObject(name, "{\"metadata\":{\"name\":\"" + name + "\"}}"));
    }
    return this;
  }

  public FakeCluster withSelector(String podSelector) {
    selector = podSelector;
    return this;
  }

  /** What gathering the configured Kubernetes metrics finds. */
  public FakeCluster withKubernetesMetrics(Gathered gathered) {
    this.kubernetesMetrics = gathered;
    return this;
  }

  public FakeCluster failingToReadTarget(String message) {
    readTargetFailure = failure(message, 500);
    return this;
  }

  public FakeCluster failingToReadScale(String message) {
    readScaleFailure = failure(message, 500);
    return this;
  }

  public FakeCluster failingToListPods(String message) {
    listPodsFailure = failure(message, 500);
    return this;
  }

  /** The next replica write fails with {@code status}. */
  public FakeCluster failingNextWrite(String message, int status) {
    writeFailures.add(failure(message, status));
    return this;
  }

  /** Someone else changes the replicas, as a concurrent writer would. */
  public void changeReplicasBehindTheAutoscaler(int newReplicas) {
    replicas = newReplicas;
  }

  public KubernetesObject target() {
    return target;
  }

  public int replicas() {
    return replicas;
  }

  public List<Integer> replicaWrites() {
    return List.copyOf(replicaWrites);
  }

  public List<String> podQueries() {
    return List.copyOf(podQueries);
  }

  @Override
  public KubernetesObject readTarget(TargetRef ref, String namespace) {
    throwIfSet(readTargetFailure);
    requireTarget(ref);
    return target;
  }

  @Override
  public ScaleState readScale(TargetRef ref, String namespace) {
    throwIfSet(readScaleFailure);
    requireTarget(ref);
    return new ScaleState(replicas, replicas, selector);
  }

  @Override
  public synchronized void setReplicas(TargetRef ref, String namespace, int newReplicas) {
    if (!writeFailures.isEmpty()) {
      throw writeFailures.poll();
    }
    requireTarget(ref);
    replicaWrites.add(newReplicas);
    replicas = newReplicas;
  }

  @Override
  public List<KubernetesObject> listPods(String namespace, String podSelector) {
    throwIfSet(listPodsFailure);
    podQueries.add(namespace + " " + podSelector);
    return List.copyOf(pods);
  }

  @Override
  public Gathered gather(ScaleState scale) {
    return kubernetesMetrics;
  }

  private void requireTarget(TargetRef ref) {
    if (!targetExists) {
      throw failure(ref.kind().toLowerCase() + " \"" + ref.name() + "\" not found", 404);
    }
  }

  private static KubernetesAccessException failure(String message, int status) {
    return new KubernetesAccessException(message, OptionalInt.of(status), null);
  }

  private static void throwIfSet(KubernetesAccessException failure) {
    if (failure != null) {
      throw failure;
    }
  }
}
