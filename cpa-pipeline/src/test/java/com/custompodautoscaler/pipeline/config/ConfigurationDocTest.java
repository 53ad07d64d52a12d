package com.custompodautoscaler.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps docs/configuration.md in step with the keys, types and defaults the loader knows. */
class ConfigurationDocTest {

  static Stream<ConfigBlock> blocks() {
    return Stream.of(ConfigBlock.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void documentsEveryKeyOf(ConfigBlock block) throws Exception {
    String doc = Files.readString(ProjectFiles.resolve("docs/configuration.md"));

    assertThat(doc)
        .as("docs/configuration.md must hold this table for %s, exactly", block.title())
        .contains(table(block));
  }

  @Test
  void theExampleIsAValidConfiguration() throws Exception {
    String doc = Files.readString(ProjectFiles.resolve("docs/configuration.md"));
    String example =
        doc.substring(doc.lastIndexOf("```yaml") + "```yaml".length(), doc.lastIndexOf("```"));

    LoadedConfig loaded =
        ConfigLoader.load(example, "the example in docs/configuration.md", Map.of());

    assertThat(loaded.warnings()).isEmpty();
  }

  /** The table of {@code block} as the documentation writes it. */
  static String table(ConfigBlock block) {
    return "| key | type | default | description |\n|---|---|---|---|\n"
        + block.keys().stream()
            .map(
                key ->
                    "| `"
                        + key.name()
                        + "` | "
                        + key.type()
                        + " | "
                        + key.documentedDefault()
                        + " | "
                        + key.description()
                        + " |")
            .collect(Collectors.joining("\n"))
        + "\n";
  }
}
