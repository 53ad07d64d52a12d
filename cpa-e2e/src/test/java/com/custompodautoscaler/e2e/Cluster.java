package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.HelloWorkload;
import com.custompodautoscaler.playground.RealNode;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real node's cluster as the end-to-end tests use it: an admin client and kubeconfig, and the
 * operator installed with Helm from {@code deploy/helm/cpa-operator} as a user installs it, with
 * two replicas electing a leader, and the autoscaler host with two replicas.
 */
final class Cluster {

  static final String OPERATOR_NAMESPACE = "cpa-system";
  static final String RELEASE = "cpa-operator";
  static final int OPERATOR_REPLICAS = 2;
  static final String HOST = RELEASE + "-host";
  static final int HOST_REPLICAS = 2;

  /** How long the install may take: the images are imported, so this is starting the JVMs. */
  private static final int INSTALL_SECONDS = 300;

  private static KubernetesClient admin;
  private static boolean installed;

  private Cluster() {}

  static synchronized KubernetesClient admin() {
    if (admin == null) {
      try {
        admin = node().adminClient();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the real node's kubeconfig", e);
      }
    }
    return admin;
  }

  static Path kubeconfig() {
    return node().kubeconfig();
  }

  /** Creates namespace {@code name}; returns its name. */
  static String createNamespace(String name) {
    admin()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /** Installs the operator, once, and waits until its replicas are ready. */
  static synchronized void installOperator() throws Exception {
    if (installed) {
      return;
    }
    new Helm(ProjectFiles.resolve("deploy/helm/cpa-operator"))
        .install()
        .withName(RELEASE)
        .withNamespace(OPERATOR_NAMESPACE)
        .createNamespace()
        .withKubeConfig(kubeconfig())
        .set("replicas", OPERATOR_REPLICAS)
        .set("host.enabled", true)
        .set("host.replicas", HOST_REPLICAS)
        .waitReady()
        .withTimeout(INSTALL_SECONDS)
        .call();
    installed = true;
  }

  /** Uninstalls the operator's release. */
  static synchronized void uninstallOperator() throws Exception {
    Helm.uninstall(RELEASE).withNamespace(OPERATOR_NAMESPACE).withKubeConfig(kubeconfig()).call();
    installed = false;
  }

  /**
   * Waits, at most two minutes, until CPA {@code name} has condition {@code type} with {@code
   * reason}; returns the CPA as it was then.
   */
  static CustomPodAutoscaler awaitReason(
      String namespace, String name, String type, String reason) {
    return CpaConditions.awaitCondition(
        admin(), namespace, name, Duration.ofMinutes(2), CpaConditions.withReason(type, reason));
  }

  /**
   * Waits, at most two minutes, until Deployment {@code name} of hello pods asks for {@code
   * replicas} replicas and has as many ready.
   */
  static void awaitReadyReplicas(String namespace, String name, int replicas) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Deployment target =
                  admin().apps().deployments().inNamespace(namespace).withName(name).get();
              assertThat(target.getSpec().getReplicas()).isEqualTo(replicas);
              assertThat(HelloWorkload.readyReplicas(target)).isEqualTo(replicas);
            });
  }

  private static RealNode node() {
    try {
      return TheNode.get();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the real node did not start: " + e.getMessage(), e);
    }
  }
}
