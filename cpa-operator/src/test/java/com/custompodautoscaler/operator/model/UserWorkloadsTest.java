package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserWorkloadsTest {

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of(
            "a template without metadata",
            template(cpa -> {}),
            new String[] {"Deployment shop-cpa", "Pod shop-cpa"}),
        Arguments.of(
            "a template naming its pod, as the Go operator's pods were named",
            template(
                cpa ->
                    cpa.getSpec()
                        .getTemplate()
                        .setMetadata(new ObjectMetaBuilder().withName("shop-autoscaler").build())),
            new String[] {"Deployment shop-cpa", "Pod shop-cpa", "Pod shop-autoscaler"}),
        Arguments.of(
            "a template naming its pod after the CPA",
            template(
                cpa ->
                    cpa.getSpec()
                        .getTemplate()
                        .setMetadata(new ObjectMetaBuilder().withName("shop-cpa").build())),
            new String[] {"Deployment shop-cpa", "Pod shop-cpa"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void aDeploymentOrABarePodMayRunTheAutoscaler(
      String name, CustomPodAutoscaler cpa, String[] accepted) {
    assertThat(UserWorkloads.acceptedFor(cpa))
        .allSatisfy(object -> assertThat(object.getMetadata().getNamespace()).isEqualTo("shop"))
        .extracting(
            object -> ((HasMetadata) object).getKind() + " " + object.getMetadata().getName())
        .containsExactly(accepted);
  }

  private static CustomPodAutoscaler template(Consumer<CustomPodAutoscaler> change) {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "shop-cpa", new ScaleTargetReference("apps/v1", "Deployment", "web"), "a:1");
    cpa.getMetadata().setNamespace("shop");
    change.accept(cpa);
    return cpa;
  }
}
