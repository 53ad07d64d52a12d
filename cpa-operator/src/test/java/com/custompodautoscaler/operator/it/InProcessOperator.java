package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.operator.OperatorSettings;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class: the CRD on the shared API server, the operator running in-process as its
 * installed account over every namespace, and an admin client; register it as a static field with
 * {@code @RegisterExtension}.
 */
final class InProcessOperator implements BeforeAllCallback, AfterAllCallback {

  private final OperatorSettings settings;
  private KubernetesClient admin;
  private CustomPodAutoscalerOperator operator;

  /** The operator with the default settings (those of {@link OperatorTestSupport#settings}). */
  InProcessOperator() {
    this(OperatorTestSupport.settings(Set.of()));
  }

  InProcessOperator(OperatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    operator = OperatorTestSupport.startOperator(settings);
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
