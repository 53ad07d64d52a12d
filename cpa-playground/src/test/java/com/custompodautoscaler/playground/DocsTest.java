package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.autoscaler.cli.AutoscalerCli;
import com.custompodautoscaler.pipeline.config.ConfigBlock;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.Key;
import com.custompodautoscaler.pipeline.config.KeySuggestion;
import com.custompodautoscaler.pipeline.config.LoadedConfig;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Keeps the user guide in step with what it shows: code blocks marked as taken from an example file
 * are that file, configuration fragments load without a problem, named examples exist, and links
 * lead to files that exist.
 */
class DocsTest {

  private static final Path ROOT = ProjectFiles.root();
  private static final Pattern FROM_FILE =
      Pattern.compile(
          "<!-- from (\\S+)(?: lines (\\d+)-(\\d+))? -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern FRAGMENT =
      Pattern.compile("<!-- config fragment -->\\n```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EXAMPLE_FLAG = Pattern.compile("--example ([a-z0-9-]+)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
  private static final YAMLMapper YAML = new YAMLMapper();

  /** A block of commands; marked "your files", it works on files the reader makes. */
  private static final Pattern SHELL_BLOCK =
      Pattern.compile("(<!-- your files -->\\n)?```sh\\n(.*?)```", Pattern.DOTALL);

  /** A word of a command that names a file: by its extension, or by a folder of the project. */
  private static final Pattern FILE_WORD =
      Pattern.compile(
          "(?:[\\w.-]*/)*[\\w.-]+\\.(?:ya?ml|jsonl?|py|sh|jar|java|Dockerfile)"
              + "|(?:scripts|deploy|examples|cpa-[a-z]+)/[\\w./-]*");

  /** A camelCase name in code style, as config keys are written in prose. */
  private static final Pattern CODE_NAME = Pattern.compile("`([a-z]+[A-Z][A-Za-z]*)`");

  /** camelCase names of other files' fields that happen to be close to a config key. */
  private static final Set<String> NOT_CONFIG_KEYS = Set.of("appVersion");

  private static final Pattern TOOL_FLAGS =
      Pattern.compile(
          "(cpa-autoscaler(?:\\.jar)?|autoscaler\\.sh|cpa-playground\\.jar|playground\\.sh)([^`|\\n]*)");
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
  private static final Set<String> CONFIG_KEYS =
      Stream.of(ConfigBlock.values())
          .flatMap(block -> block.keys().stream())
          .map(Key::name)
          .collect(Collectors.toSet());

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
      String taken;
      if (block.group(2) == null) {
        taken = Files.readString(file);
      } else {
        List<String> lines = Files.readAllLines(file);
        int first = Integer.parseInt(block.group(2));
        int last = Integer.parseInt(block.group(3));
        assertThat(last)
            .as("lines %d-%d of %s in %s", first, last, file, page)
            .isBetween(first, lines.size());
        taken = String.join("\n", lines.subList(first - 1, last)) + "\n";
      }
      assertThat(block.group(4)).as("the block from %s in %s", file, page).isEqualTo(taken);
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
  void namesWrittenLikeAConfigKeyAreConfigKeys(Path page) throws IOException {
    Matcher name = CODE_NAME.matcher(Files.readString(page));
    while (name.find()) {
      String written = name.group(1);
      if (CONFIG_KEYS.contains(written) || NOT_CONFIG_KEYS.contains(written)) {
        continue;
      }
      for (String key : CONFIG_KEYS) {
        assertThat(KeySuggestion.distance(written.toLowerCase(), key.toLowerCase()))
            .as("`%s` in %s is one or two letters from the config key %s", written, page, key)
            .isGreaterThan(2);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void theFlagsOfOurCommandsExist(Path page) throws IOException {
    Set<String> autoscalerFlags = flags(new CommandLine(new AutoscalerCli()));
    Set<String> playgroundFlags = flags(new CommandLine(new PlaygroundCli()));
    Matcher use = TOOL_FLAGS.matcher(Files.readString(page));
    while (use.find()) {
      Set<String> known = use.group(1).contains("playground") ? playgroundFlags : autoscalerFlags;
      Matcher flag = FLAG.matcher(use.group(2));
      while (flag.find()) {
        assertThat(known)
            .as("%s %s in %s", use.group(1), flag.group(), page)
            .contains(flag.group());
      }
    }
  }

  /** Every option name of {@code command} and its subcommands. */
  private static Set<String> flags(CommandLine command) {
    Set<String> names = new HashSet<>();
    command.getCommandSpec().options().forEach(option -> names.addAll(List.of(option.names())));
    command.getSubcommands().values().forEach(sub -> names.addAll(flags(sub)));
    return names;
  }

  /**
   * Commands run from the repository's root, or from the page's folder ("from this folder"), and
   * follow their own {@code cd}; a jar under {@code target/} is a module's runnable jar, and an
   * example's {@code javaBuild} jar is built by the commands before it. Blocks marked as working on
   * the reader's own files are left alone.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void theFilesThatCommandsNameExist(Path page) throws IOException {
    Set<String> built = builtJars(page.getParent());
    Matcher block = SHELL_BLOCK.matcher(Files.readString(page));
    while (block.find()) {
      if (block.group(1) != null) {
        continue;
      }
      Path folder = ROOT;
      for (String line : block.group(2).split("\n")) {
        List<String> words = List.of(line.replaceAll("#.*", "").trim().split("\\s+"));
        if (words.get(0).equals("cd")) {
          folder = folder.resolve(words.get(1)).normalize();
          assertThat(folder).as("cd %s in %s", words.get(1), page).isDirectory();
          continue;
        }
        for (String word : words) {
          String named = word.substring(word.indexOf('=') + 1);
          if (!FILE_WORD.matcher(named).matches() || built.contains(named)) {
            continue;
          }
          Path file = folder.resolve(named).normalize();
          if (file.getParent() != null && file.getParent().endsWith("target")) {
            Path module = file.getParent().getParent();
            assertThat(module.resolve("pom.xml"))
                .as("the module of %s in %s", named, page)
                .isRegularFile();
            assertThat(file.getFileName().toString())
                .as("the runnable jar of %s in %s", module.getFileName(), page)
                .isEqualTo(module.getFileName() + ".jar");
          } else {
            assertThat(Files.exists(file) || Files.exists(page.getParent().resolve(named)))
                .as("%s, named by a command in %s", named, page)
                .isTrue();
          }
        }
      }
    }
  }

  /** The jar of an example's {@code javaBuild}, if the page is an example's README. */
  private static Set<String> builtJars(Path folder) throws IOException {
    Path script = folder.resolve(ExampleLibrary.SCRIPT_FILE);
    if (!Files.isRegularFile(script)) {
      return Set.of();
    }
    return ExampleScript.read(script)
        .javaBuildSpec()
        .map(build -> Set.of(build.jar()))
        .orElse(Set.of());
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
