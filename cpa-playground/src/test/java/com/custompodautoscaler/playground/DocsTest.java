package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.autoscaler.config.ConfigLoader;
import com.custompodautoscaler.autoscaler.config.LoadedConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the user guide in step with what it shows: code blocks marked as taken from an example file
 * are that file, configuration fragments load without a problem, named examples exist, and links
 * lead to files that exist.
 */
class DocsTest {

  private static final Path ROOT =
      Path.of(System.getProperty("cpa.project.root", "..")).toAbsolutePath().normalize();
  private static final Pattern FROM_FILE =
      Pattern.compile("<!-- from (\\S+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern FRAGMENT =
      Pattern.compile("<!-- config fragment -->\\n```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EXAMPLE_FLAG = Pattern.compile("--example ([a-z0-9-]+)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
  private static final YAMLMapper YAML = new YAMLMapper();

  /** What a fragment is completed with; its own keys replace these. */
  private static final String BASE =
      "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
          + "metric: {type: shell, shell: {entrypoint: /bin/true}}\n"
          + "evaluate: {type: shell, shell: {entrypoint: /bin/true}}\n";

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    try (Stream<Path> readmes = Files.walk(ROOT.resolve("examples"), 2)) {
      readmes
          .filter(path -> path.getFileName().toString().equals("README.md"))
          .sorted()
          .forEach(pages::add);
    }
    return pages;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void blocksTakenFromExampleFilesAreThoseFiles(Path page) throws IOException {
    Matcher block = FROM_FILE.matcher(Files.readString(page));
    while (block.find()) {
      Path file = ROOT.resolve(block.group(1));
      assertThat(file).as("file named in %s", page).isRegularFile();
      assertThat(block.group(2))
          .as("the block from %s in %s", file, page)
          .isEqualTo(Files.readString(file));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void configFragmentsLoadWithoutAProblem(Path page) throws Exception {
    Matcher block = FRAGMENT.matcher(Files.readString(page));
    while (block.find()) {
      ObjectNode config = (ObjectNode) YAML.readTree(BASE);
      config.setAll((ObjectNode) YAML.readTree(block.group(1)));
      LoadedConfig loaded = ConfigLoader.load(config.toString(), "a fragment in " + page, Map.of());
      assertThat(loaded.warnings()).as("warnings for the fragment in %s", page).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void namedExamplesExist(Path page) throws IOException {
    List<String> examples = ExampleLibrary.in(ROOT.resolve("examples")).names();
    Matcher flag = EXAMPLE_FLAG.matcher(Files.readString(page));
    while (flag.find()) {
      assertThat(examples).as("--example in %s", page).contains(flag.group(1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void linksLeadToFilesThatExist(Path page) throws IOException {
    Matcher link = LINK.matcher(Files.readString(page));
    while (link.find()) {
      assertThat(page.getParent().resolve(link.group(1)).normalize())
          .as("link %s in %s", link.group(1), page)
          .exists();
    }
  }
}
