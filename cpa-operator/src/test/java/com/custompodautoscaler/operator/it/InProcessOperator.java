package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.autoscaler.testing.SharedKubeApiServer;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class: the CRD on the shared API server, the operator running in-process over every
 * namespace, and an admin client; register it as a static field with {@code @RegisterExtension}.
 */
final class InProcessOperator implements BeforeAllCallback, AfterAllCallback {

  private KubernetesClient admin;
  private CustomPodAutoscalerOperator operator;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator = OperatorTestSupport.startOperator();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    operator.close();
    admin.close();
  }

  KubernetesClient admin() {
    return admin;
  }
}
