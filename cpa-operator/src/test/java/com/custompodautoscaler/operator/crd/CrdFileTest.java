package com.custompodautoscaler.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD in {@code deploy/crd/custompodautoscaler.yaml} is generated from the resource classes of
 * {@code cpa-api}; this test fails when it is stale. Regenerate it with {@code mvn -pl cpa-operator
 * -am test -Dtest=CrdFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dcpa.crd.write=true}.
 */
class CrdFileTest {

  static final Path CRD_FILE =
      Path.of(
          System.getProperty("cpa.project.root", ".."),
          "deploy",
          "crd",
          "custompodautoscaler.yaml");

  @Test
  void theCheckedInCrdIsWhatTheClassesGenerate(@TempDir Path dir) throws Exception {
    String generated = generate(dir);
    if (Boolean.getBoolean("cpa.crd.write")) {
      Files.writeString(CRD_FILE, generated);
    }

    assertThat(Files.readString(CRD_FILE))
        .as(
            "deploy/crd/custompodautoscaler.yaml is stale; see this test's Javadoc to regenerate it")
        .isEqualTo(generated);
    assertThat(generated.getBytes(StandardCharsets.UTF_8).length)
        .as("the CRD must stay small enough for client-side kubectl apply")
        .isLessThan(256 * 1024);
  }

  static String generate(Path dir) throws Exception {
    new CRDGenerator()
        .customResourceClasses(
            CustomPodAutoscaler.class,
            com.custompodautoscaler.api.v1alpha1.CustomPodAutoscaler.class)
        .forCRDVersions("v1")
        .withPostProcessor(new SameSchemaForEveryVersion())
        .inOutputDir(dir.toFile())
        .generate();
    String header =
        "# The CustomPodAutoscaler resource, generated from cpa-api's classes: do not edit by hand.\n";
    return header
        + Files.readString(dir.resolve("custompodautoscalers.custompodautoscaler.com-v1.yml"));
  }

  /**
   * Serves v1alpha1 with exactly v1's schema and columns (in the order {@code kubectl get} should
   * show them), and makes the status conditions a map keyed by type, so that the operator and the
   * autoscaler each own their own conditions under server-side apply.
   */
  static final class SameSchemaForEveryVersion implements CRDPostProcessor {
    private static final java.util.List<String> COLUMN_ORDER =
        List.of("Target", "Current", "Desired", "Last Scale", "Ready", "Host", "Age");

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      CustomResourceDefinition definition = (CustomResourceDefinition) crd;
      CustomResourceDefinitionVersion stored =
          definition.getSpec().getVersions().stream()
              .filter(CustomResourceDefinitionVersion::getStorage)
              .findFirst()
              .orElseThrow();
      JSONSchemaProps conditions =
          stored
              .getSchema()
              .getOpenAPIV3Schema()
              .getProperties()
              .get("status")
              .getProperties()
              .get("conditions");
      conditions.setXKubernetesListType("map");
      conditions.setXKubernetesListMapKeys(List.of("type"));
      conditions.getItems().getSchema().setRequired(List.of("type", "status"));
      stored
          .getAdditionalPrinterColumns()
          .sort(Comparator.comparingInt(column -> COLUMN_ORDER.indexOf(column.getName())));
      for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
        version.setSchema(stored.getSchema());
        version.setAdditionalPrinterColumns(stored.getAdditionalPrinterColumns());
        version.setSubresources(stored.getSubresources());
      }
      return definition;
    }
  }
}
