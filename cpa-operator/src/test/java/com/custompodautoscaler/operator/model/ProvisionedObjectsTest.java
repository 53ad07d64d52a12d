package com.custompodautoscaler.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pure factories, CPA in and objects out, against golden YAML in {@code
 * src/test/resources/golden/<case>/}. Rewrite the files after a deliberate change with {@code
 * -Dcpa.golden.write=true}, and review the diff.
 */
class ProvisionedObjectsTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper();

  record Case(
      String name, Consumer<CustomPodAutoscaler> change, TargetResource target, int replicas) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    TargetResource deployments = new TargetResource("apps", "deployments");
    return Stream.of(
        new Case("a cpa with defaults", cpa -> {}, deployments, 1),
        new Case(
            "config entries come after the injected variables",
            cpa ->
                cpa.getSpec()
                    .setConfig(
                        List.of(
                            new ConfigEntry("interval", "5000"),
                            new ConfigEntry("LOAD_PER_REPLICA", "10"))),
            deployments,
            1),
        new Case(
            "a template with its own labels and env keeps them",
            cpa -> {
              var template = cpa.getSpec().getTemplate();
              template.setMetadata(
                  new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                      .withLabels(Map.of("team", "shop"))
                      .build());
              template
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .setEnv(
                      List.of(new io.fabric8.kubernetes.api.model.EnvVar("LOG", "debug", null)));
            },
            deployments,
            1),
        new Case(
            "a template with its own probe keeps it and a sidecar gets none",
            cpa -> {
              List<Container> containers = cpa.getSpec().getTemplate().getSpec().getContainers();
              containers
                  .get(0)
                  .setLivenessProbe(
                      new ProbeBuilder()
                          .withNewTcpSocket()
                          .withPort(new IntOrString(5000))
                          .endTcpSocket()
                          .withPeriodSeconds(30)
                          .build());
              containers.add(
                  new ContainerBuilder()
                      .withName("metrics-proxy")
                      .withImage("metrics-proxy:1.0")
                      .build());
            },
            deployments,
            1),
        new Case(
            "a health port config entry takes the place of the injected one and moves the probes",
            cpa ->
                cpa.getSpec()
                    .setConfig(
                        List.of(
                            new ConfigEntry("interval", "5000"),
                            new ConfigEntry("healthPort", "9090"))),
            deployments,
            1),
        new Case(
            "a health port the operator cannot read leaves the probes out",
            cpa -> cpa.getSpec().setConfig(List.of(new ConfigEntry("healthPort", "0x2382"))),
            deployments,
            1),
        new Case(
            "metrics server and argo rollouts add their rules",
            cpa -> {
              cpa.getSpec().setRoleRequiresMetricsServer(true);
              cpa.getSpec().setRoleRequiresArgoRollouts(true);
            },
            deployments,
            1),
        new Case(
            "a core-group target",
            cpa ->
                cpa.getSpec()
                    .setScaleTargetRef(
                        new ScaleTargetReference("v1", "ReplicationController", "legacy")),
            new TargetResource("", "replicationcontrollers"),
            1),
        new Case("a paused cpa runs no autoscaler", cpa -> {}, deployments, 0),
        new Case(
            "role rules come after the generated ones",
            cpa -> {
              cpa.getSpec().setRoleRequiresMetricsServer(true);
              RoleRule settings = new RoleRule(List.of(""), List.of("configmaps"), List.of("get"));
              settings.setResourceNames(List.of("shop-settings"));
              cpa.getSpec()
                  .setRoleRules(
                      List.of(
                          settings,
                          new RoleRule(
                              List.of("external.metrics.k8s.io"),
                              List.of("*"),
                              List.of("get", "list"))));
            },
            deployments,
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheGoldenObjects(Case c) throws Exception {
    CustomPodAutoscaler cpa = cpa();
    c.change().accept(cpa);
    Map<String, HasMetadata> objects =
        Map.of(
            "serviceaccount", ServiceAccountFactory.serviceAccount(cpa),
            "role", RoleFactory.role(cpa, c.target()),
            "rolebinding", RoleBindingFactory.roleBinding(cpa),
            "deployment", AutoscalerDeploymentFactory.deployment(cpa, c.replicas()));
    Path dir = GOLDEN.resolve(c.name().replace(' ', '-'));
    for (Map.Entry<String, HasMetadata> object : objects.entrySet()) {
      Path file = dir.resolve(object.getKey() + ".yaml");
      String yaml = SERIALIZATION.asYaml(object.getValue());
      if (Boolean.getBoolean("cpa.golden.write")) {
        Files.createDirectories(dir);
        Files.writeString(file, yaml);
      }
      JsonNode expected = YAML.readTree(Files.readString(file));
      assertThat(YAML.readTree(yaml))
          .as("%s of '%s'", object.getKey(), c.name())
          .isEqualTo(expected);
    }
  }

  private static CustomPodAutoscaler cpa() {
    CustomPodAutoscaler cpa =
        CustomPodAutoscaler.of(
            "shop-cpa",
            new ScaleTargetReference("apps/v1", "Deployment", "web"),
            "cpa-autoscaler-python:0.1.0");
    cpa.getMetadata().setNamespace("shop");
    cpa.getMetadata().setUid("0b6f2a4c-4b7e-4f0e-9a1d-3c5e7f9a1b2c");
    return cpa;
  }
}
