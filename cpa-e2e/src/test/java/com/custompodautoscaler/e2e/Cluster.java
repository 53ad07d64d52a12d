package com.custompodautoscaler.e2e;

import com.custompodautoscaler.autoscaler.testing.ProjectFiles;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * The real node's cluster as the end-to-end tests use it: an admin client and kubeconfig, and the
 * operator installed with Helm from {@code deploy/helm/cpa-operator} as a user installs it, with
 * two replicas electing a leader.
 */
final class Cluster {

  static final String OPERATOR_NAMESPACE = "cpa-system";
  static final String RELEASE = "cpa-operator";
  static final int OPERATOR_REPLICAS = 2;

  /** How long the install may take: the images are imported, so this is starting the JVMs. */
  private static final int INSTALL_SECONDS = 300;

  private static KubernetesClient admin;
  private static boolean installed;

  private Cluster() {}

  static synchronized KubernetesClient admin() throws Exception {
    if (admin == null) {
      admin = TheNode.get().adminClient();
    }
    return admin;
  }

  static Path kubeconfig() throws Exception {
    return TheNode.get().kubeconfig();
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

  static int readyReplicas(Deployment deployment) {
    return deployment == null
            || deployment.getStatus() == null
            || deployment.getStatus().getReadyReplicas() == null
        ? 0
        : deployment.getStatus().getReadyReplicas();
  }
}
