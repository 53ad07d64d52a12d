package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.playground.HelloWorkload;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CPA named after its target, as the HPA example's once was, on the real node: the operator
 * leaves the target's Deployment alone, its pods go on running, and the CPA says why nothing runs.
 */
@Order(3)
@ExtendWith(InstalledOperator.class)
class NameConflictIT {

  private static final String NAMESPACE = "name-conflict";

  private final KubernetesClient admin = Cluster.admin();

  @Test
  void aCpaNamedAfterItsTargetLeavesTheTargetsPodsRunning() throws Exception {
    Cluster.createNamespace(NAMESPACE);
    Deployment target = GettingStartedLogic.target(admin, NAMESPACE, 3);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> HelloWorkload.readyReplicas(target(target)) == 1);
    Deployment running = target(target);
    GettingStartedLogic.configMap(admin, NAMESPACE);
    admin
        .resource(GettingStartedLogic.cpa("hello-kubernetes", Map.of("interval", "2000")))
        .inNamespace(NAMESPACE)
        .create();

    CustomPodAutoscaler refused =
        Cluster.awaitReason(NAMESPACE, "hello-kubernetes", "Ready", "NameConflict");

    assertThat(CpaConditions.condition(refused, "Ready").getMessage())
        .contains("it is this CPA's scale target")
        .contains("hello-kubernetes-autoscaler");
    assertThat(CpaConditions.condition(refused, "Paused").getReason()).isEqualTo("NotRunning");
    Deployment after = target(target);
    assertThat(after.getMetadata().getGeneration())
        .as("the target's spec untouched")
        .isEqualTo(running.getMetadata().getGeneration());
    assertThat(after.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(HelloWorkload.readyReplicas(after)).isOne();
  }

  private Deployment target(Deployment made) {
    return admin.resource(made).inNamespace(NAMESPACE).get();
  }
}
