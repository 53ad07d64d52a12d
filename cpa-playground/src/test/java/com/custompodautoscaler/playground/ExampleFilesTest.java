package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example's files agree with each other: config, scripts, playground script, CPA YAML. */
class ExampleFilesTest {

  private static final Path EXAMPLES = ProjectFiles.resolve("examples");

  /** Logic that several examples share; not an example itself. */
  private static final String SHARED = "shared";

  static List<String> examples() throws Exception {
    return ExampleLibrary.in(EXAMPLES).names();
  }

  @Test
  void theFirstExamplesAreThere() throws Exception {
    assertThat(examples()).contains("getting-started", "per-pod");
  }

  /** The playground runs, and ExamplesIT tests, only examples with a playground script. */
  @Test
  void everyExampleFolderHasAPlaygroundScript() throws Exception {
    try (Stream<Path> folders = Files.list(EXAMPLES)) {
      List<String> all =
          folders
              .filter(Files::isDirectory)
              .map(folder -> folder.getFileName().toString())
              .filter(name -> !name.equals(SHARED))
              .sorted()
              .toList();
      assertThat(examples()).isEqualTo(all);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void hasAValidConfigWhoseScriptsExist(String name) throws Exception {
    Path folder = EXAMPLES.resolve(name);
    LoadedConfig loaded = ConfigLoader.load(folder.resolve("config.yaml"), Map.of());

    assertThat(loaded.warnings()).isEmpty();
    loaded.config().methods().values().stream()
        .filter(ShellMethodConfig.class::isInstance)
        .map(ShellMethodConfig.class::cast)
        .filter(shell -> shell.entrypoint().equals("python3"))
        .forEach(shell -> assertThat(folder.resolve(shell.command().get(0))).isRegularFile());
    assertThat(folder.resolve("README.md")).isRegularFile();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void thePlaygroundScriptAndTheCpaYamlTargetWhatTheConfigTargets(String name) throws Exception {
    Path folder = EXAMPLES.resolve(name);
    AutoscalerConfig config = ConfigLoader.load(folder.resolve("config.yaml"), Map.of()).config();
    ExampleScript script = ExampleScript.read(folder.resolve("playground.yaml"));
    JsonNode cpa = new YAMLMapper().readTree(Files.readString(folder.resolve("cpa.yaml")));

    assertThat(script.target().kind()).isEqualTo(config.scaleTargetRef().kind());
    assertThat(script.target().name()).isEqualTo(config.scaleTargetRef().name());
    assertThat(cpa.path("kind").asText()).isEqualTo("CustomPodAutoscaler");
    JsonNode ref = cpa.path("spec").path("scaleTargetRef");
    assertThat(ref.path("apiVersion").asText()).isEqualTo(config.scaleTargetRef().apiVersion());
    assertThat(ref.path("kind").asText()).isEqualTo(config.scaleTargetRef().kind());
    assertThat(ref.path("name").asText()).isEqualTo(config.scaleTargetRef().name());
    assertThat(cpa.path("metadata").path("name").asText())
        .as("the CPA's name, which its autoscaler's Deployment takes, is not its target's")
        .isNotEqualTo(ref.path("name").asText());
    assertThat(script.steps())
        .flatExtracting(step -> Arrays.asList(step.expect(), step.expectAtLeast()))
        .filteredOn(Objects::nonNull)
        .allSatisfy(
            expected ->
                assertThat(expected).isBetween(config.bounds().min(), config.bounds().max()));
  }
}
