package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.core.model.TargetRef;
import com.custompodautoscaler.pipeline.testing.ScaleClientContract;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link KubernetesTargetClient} as a scale client on a real kube-apiserver, held to the contract.
 */
class KubernetesScaleClientIT extends ScaleClientContract {

  private static KubernetesClient admin;
  private static KubernetesClient client;
  private static String namespace;
  private static KubernetesTargetClient scales;

  @BeforeAll
  static void connect() {
    admin = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(admin, "scale");
    client = KubernetesConnection.fromKubeconfig(SharedKubeApiServer.kubeconfigYaml());
    scales = new KubernetesTargetClient(client);
  }

  @AfterAll
  static void disconnect() {
    client.close();
    admin.close();
  }

  @Override
  protected Target deployment(String name, int replicas) {
    admin.resource(Workloads.deployment(name, replicas)).inNamespace(namespace).create();
    return new Target(scales, ref(name), namespace);
  }

  @Override
  protected Target missingDeployment(String name) {
    return new Target(scales, ref(name), namespace);
  }

  private static TargetRef ref(String name) {
    return new TargetRef("apps/v1", "Deployment", name);
  }
}
