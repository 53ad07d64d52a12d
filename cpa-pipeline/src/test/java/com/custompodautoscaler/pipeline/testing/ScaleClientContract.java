package com.custompodautoscaler.pipeline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.core.port.KubernetesAccessException;
import com.custompodautoscaler.core.port.ScaleClient;
import com.custompodautoscaler.core.port.ScaleState;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link ScaleClient} does, the fake the run's tests use and the Kubernetes adapter
 * alike: each client under test extends this class and says how to make a Deployment, or a cluster
 * without one.
 */
public abstract class ScaleClientContract {

  private static final AtomicInteger TARGETS = new AtomicInteger();

  /** A target a client can reach, in its namespace. */
  public record Target(ScaleClient scales, TargetRef ref, String namespace) {}

  /**
   * A Deployment named {@code name} with {@code replicas} replicas and the pod selector {@code
   * app=<name>}.
   */
  protected abstract Target deployment(String name, int replicas);

  /** A client for a cluster where the Deployment {@code name} does not exist. */
  protected abstract Target missingDeployment(String name);

  /** A change of the replicas, named for the table. */
  public record Change(String name, int from, int to) {
    @Override
    public String toString() {
      return name;
    }
  }

  protected static Stream<Change> changes() {
    return Stream.of(
        new Change("a scale up", 2, 5),
        new Change("a scale down", 5, 1),
        new Change("to zero", 3, 0),
        new Change("from zero", 0, 2),
        new Change("to the same count", 2, 2));
  }

  @Test
  void readsTheReplicasAndThePodSelectorOfTheScale() {
    String name = uniqueName();
    Target target = deployment(name, 3);

    ScaleState scale = target.scales().readScale(target.ref(), target.namespace());

    assertThat(scale.replicas()).isEqualTo(3);
    assertThat(scale.selector()).isEqualTo("app=" + name);
    assertThat(scale.hasSelector()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void setsTheReplicas(Change change) {
    Target target = deployment(uniqueName(), change.from());

    target.scales().setReplicas(target.ref(), target.namespace(), change.to());

    assertThat(target.scales().readScale(target.ref(), target.namespace()).replicas())
        .isEqualTo(change.to());
  }

  @Test
  void aMissingTargetIsNotFound() {
    Target missing = missingDeployment(uniqueName());

    KubernetesAccessException read =
        catchThrowableOfType(
            KubernetesAccessException.class,
            () -> missing.scales().readScale(missing.ref(), missing.namespace()));
    KubernetesAccessException write =
        catchThrowableOfType(
            KubernetesAccessException.class,
            () -> missing.scales().setReplicas(missing.ref(), missing.namespace(), 2));

    assertThat(read.status()).hasValue(404);
    assertThat(write.status()).hasValue(404);
  }

  private static String uniqueName() {
    return "scaled-" + TARGETS.incrementAndGet();
  }
}
