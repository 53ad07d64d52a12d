package com.custompodautoscaler.operator.it;

import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.api.v1.ConfigEntry;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerSpec;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.autoscaler.testing.ProjectFiles;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Installs the CRD and builds CustomPodAutoscalers for the operator's tests. */
final class OperatorTestSupport {

  private OperatorTestSupport() {}

  /** Applies deploy/crd/custompodautoscaler.yaml (once) and waits until it is established. */
  static synchronized void installCrd(KubernetesClient admin) throws Exception {
    try (InputStream crd =
        Files.newInputStream(ProjectFiles.resolve("deploy/crd/custompodautoscaler.yaml"))) {
      for (HasMetadata object : admin.load(crd).items()) {
        admin.resource(object).fieldManager("cpa-tests").forceConflicts().serverSideApply();
      }
    }
    admin
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("custompodautoscalers.custompodautoscaler.com")
        .waitUntilCondition(
            (CustomResourceDefinition crd) ->
                crd != null
                    && crd.getStatus() != null
                    && crd.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> c.getType().equals("Established") && c.getStatus().equals("True")),
            30,
            TimeUnit.SECONDS);
  }

  /** A v1 CPA for Deployment {@code web}, with {@code config} entries in name order. */
  static CustomPodAutoscaler cpa(String name, Map<String, String> config) {
    CustomPodAutoscaler cpa = new CustomPodAutoscaler();
    cpa.getMetadata().setName(name);
    CustomPodAutoscalerSpec spec = new CustomPodAutoscalerSpec();
    spec.setScaleTargetRef(new ScaleTargetReference("apps/v1", "Deployment", "web"));
    spec.setTemplate(
        new PodTemplateSpecBuilder()
            .withNewSpec()
            .addNewContainer()
            .withName("autoscaler")
            .withImage("autoscaler:1")
            .endContainer()
            .endSpec()
            .build());
    List<ConfigEntry> entries = new ArrayList<>();
    new TreeMap<>(config).forEach((key, value) -> entries.add(new ConfigEntry(key, value)));
    spec.setConfig(entries);
    cpa.setSpec(spec);
    return cpa;
  }

  static CustomPodAutoscaler awaitReady(KubernetesClient admin, String namespace, String name) {
    return awaitCondition(admin, namespace, name, "Ready", "True");
  }

  /**
   * Waits until the CPA's status has condition {@code type} with {@code status}; returns the CPA.
   */
  static CustomPodAutoscaler awaitCondition(
      KubernetesClient admin, String namespace, String name, String type, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                admin
                    .resources(CustomPodAutoscaler.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get(),
            cpa ->
                cpa != null
                    && cpa.getStatus() != null
                    && cpa.getStatus().getConditions() != null
                    && cpa.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals(status)));
  }

  static Condition condition(CustomPodAutoscaler cpa, String type) {
    return cpa.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
