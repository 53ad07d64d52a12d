package com.custompodautoscaler.operator.deploy;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operator's Helm chart in {@code deploy/helm/cpa-operator}, rendered by real Helm. */
public final class OperatorChart {

  public static final Path DIRECTORY = ProjectFiles.resolve("deploy/helm/cpa-operator");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper();

  private OperatorChart() {}

  public static Helm helm() {
    return new Helm(DIRECTORY);
  }

  /**
   * {@code helm template RELEASE --namespace NAMESPACE --values FILE}, FILE holding {@code values}.
   */
  public static String render(String release, String namespace, Map<String, ?> values)
      throws IOException {
    Path file = Files.createTempFile("cpa-operator-values", ".yaml");
    try {
      YAML.writeValue(file.toFile(), values);
      return helm()
          .template()
          .withName(release)
          .withNamespace(namespace)
          .withValuesFile(file)
          .call();
    } finally {
      Files.delete(file);
    }
  }

  /** The object of {@code kind} named {@code name} among {@code objects}. */
  public static <T extends HasMetadata> T named(
      List<HasMetadata> objects, Class<T> kind, String name) {
    return objects.stream()
        .filter(kind::isInstance)
        .filter(object -> object.getMetadata().getName().equals(name))
        .map(kind::cast)
        .findFirst()
        .orElseThrow();
  }

  /** The objects in a multi-document YAML stream, empty documents left out. */
  public static List<HasMetadata> objects(String yaml) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && !document.isNull() && !document.isEmpty()) {
          objects.add(SERIALIZATION.convertValue(document, HasMetadata.class));
        }
      }
    }
    return objects;
  }
}
