package com.custompodautoscaler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What can be checked of the images without a Docker engine, after {@code mvn package}: every file
 * a Dockerfile copies exists and is in the build context that {@code .dockerignore} leaves, the
 * entry point runs the jar where it was copied, the JVM flags are the benchmarked ones and a JVM
 * accepts them, and the image names agree with the chart and the examples. It lives in the
 * end-to-end module, which the build reaches after every module whose jar an image copies.
 */
class DockerfilesIT {

  private static final Path DOCKER = ProjectFiles.resolve("deploy/docker");
  private static final Pattern BUILD_TAG =
      Pattern.compile("docker build -f deploy/docker/\\S+ -t (\\S+) \\.");
  private static final Pattern JAVA_OPTIONS = Pattern.compile("JDK_JAVA_OPTIONS=\"([^\"]*)\"");

  /** One instruction: its keyword in upper case and the rest of its (joined) lines. */
  record Instruction(String keyword, String arguments) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "operator.Dockerfile",
        "autoscaler.Dockerfile",
        "autoscaler-python.Dockerfile",
        "horizontal-pod-autoscaler.Dockerfile",
        "host.Dockerfile"
      })
  void everyCopiedFileIsBuiltAndInTheBuildContext(String dockerfile) throws IOException {
    List<String> ignore = Files.readAllLines(ProjectFiles.resolve(".dockerignore"));
    assertThat(inBuildContext(ignore, "pom.xml")).as("the sources stay out").isFalse();
    assertThat(copies(dockerfile)).isNotEmpty();
    for (Instruction copy : copies(dockerfile)) {
      List<String> words = Arrays.asList(copy.arguments().split("\\s+"));
      for (String source : words.subList(0, words.size() - 1)) {
        assertThat(ProjectFiles.resolve(source))
            .as("%s copies %s", dockerfile, source)
            .isRegularFile();
        assertThat(inBuildContext(ignore, source))
            .as("%s copies %s, which .dockerignore leaves out", dockerfile, source)
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator.Dockerfile", "autoscaler.Dockerfile", "host.Dockerfile"})
  void theEntryPointRunsTheCopiedJarWithFlagsThatAJvmAcceptsAndTheBenchmarksMeasured(
      String dockerfile) throws Exception {
    List<Instruction> copies = copies(dockerfile);
    assertThat(copies).isNotEmpty();
    String[] copy = copies.get(0).arguments().split("\\s+");
    String destination = copy[copy.length - 1];
    String mainJar =
        destination.endsWith("/") ? destination + Path.of(copy[0]).getFileName() : destination;
    assertThat(instruction(dockerfile, "ENTRYPOINT"))
        .as("the entry point runs the first jar copied")
        .isEqualTo("[\"java\", \"-jar\", \"" + mainJar + "\"]");
    Matcher flags = JAVA_OPTIONS.matcher(instruction(dockerfile, "ENV"));
    assertThat(flags.matches()).as("%s sets JDK_JAVA_OPTIONS", dockerfile).isTrue();
    assertThat(javaVersionExitCode(flags.group(1))).as("java %s -version", flags.group(1)).isZero();
    assertThat(Files.readAllLines(ProjectFiles.resolve("docs/benchmarks.md")))
        .as("docs/benchmarks.md shows the measured flags")
        .contains(flags.group(1));
  }

  @Test
  void thePythonImageTakesTheGoCpasPythonUserImagesUnchanged() throws IOException {
    assertThat(instruction("autoscaler-python.Dockerfile", "RUN"))
        .as("python as python3 and python, and pip for requirements.txt files")
        .contains("python3 ")
        .contains("python3-pip")
        .contains("python-is-python3");
    assertThat(instruction("autoscaler-python.Dockerfile", "ENV"))
        .as("pip may install into the image's Python, which PEP 668 would refuse")
        .isEqualTo("PIP_BREAK_SYSTEM_PACKAGES=1");
    assertThat(instruction("autoscaler.Dockerfile", "WORKDIR"))
        .as("the working directory of the Go CPA's images")
        .isEqualTo("/app");
  }

  @Test
  void theHpaImageIsTheAutoscalerImageWithTheGoHpasConfiguration() throws IOException {
    assertThat(instructions("horizontal-pod-autoscaler.Dockerfile"))
        .extracting(Instruction::keyword)
        .as("the autoscaler image's entry point, kept")
        .doesNotContain("ENTRYPOINT", "CMD");
    assertThat(copies("horizontal-pod-autoscaler.Dockerfile"))
        .extracting(Instruction::arguments)
        .containsExactly("deploy/docker/horizontal-pod-autoscaler/config.yaml /config.yaml");
    assertThat(instruction("horizontal-pod-autoscaler.Dockerfile", "ARG"))
        .isEqualTo("BASE=" + tag("autoscaler.Dockerfile"));
  }

  @Test
  void theHostImageIsThePythonImageWithTheHostAndTheHpaImagesConfiguration() throws IOException {
    assertThat(instruction("host.Dockerfile", "ARG"))
        .isEqualTo("BASE=" + tag("autoscaler-python.Dockerfile"));
    assertThat(copies("host.Dockerfile"))
        .extracting(Instruction::arguments)
        .contains(
            "deploy/docker/horizontal-pod-autoscaler/config.yaml"
                + " /opt/cpa/images/cpa-horizontal-pod-autoscaler/config.yaml");
  }

  @Test
  void imageNamesAgreeWithTheChartTheExamplesAndEachOther() throws IOException {
    String version =
        Files.readAllLines(ProjectFiles.resolve("deploy/helm/cpa-operator/Chart.yaml")).stream()
            .filter(line -> line.startsWith("appVersion:"))
            .map(line -> line.replaceAll("appVersion:\\s*\"?([^\"]+)\"?", "$1"))
            .findFirst()
            .orElseThrow();
    assertThat(tag("operator.Dockerfile")).isEqualTo("cpa-operator:" + version);
    assertThat(tag("autoscaler.Dockerfile")).isEqualTo("cpa-autoscaler:" + version);
    assertThat(tag("autoscaler-python.Dockerfile")).isEqualTo("cpa-autoscaler-python:" + version);
    assertThat(tag("horizontal-pod-autoscaler.Dockerfile"))
        .isEqualTo("cpa-horizontal-pod-autoscaler:" + version);
    assertThat(tag("host.Dockerfile")).isEqualTo("cpa-host:" + version);
    assertThat(instruction("autoscaler-python.Dockerfile", "ARG"))
        .isEqualTo("BASE=" + tag("autoscaler.Dockerfile"));
    assertThat(Files.readString(ProjectFiles.resolve("deploy/helm/cpa-operator/values.yaml")))
        .contains("repository: cpa-operator\n")
        .contains("repository: cpa-host\n");
    try (Stream<Path> examples = Files.list(ProjectFiles.resolve("examples"))) {
      for (Path cpa :
          examples
              .map(example -> example.resolve("cpa.yaml"))
              .filter(Files::isRegularFile)
              .toList()) {
        assertThat(Files.readString(cpa))
            .as("the image of %s", cpa)
            .contains("image: " + tag("autoscaler-python.Dockerfile") + "\n");
      }
    }
  }

  /**
   * Whether the Docker build context keeps {@code path}: the last {@code .dockerignore} pattern
   * that matches it or one of its parent folders decides, {@code !} keeping it.
   */
  static boolean inBuildContext(List<String> ignore, String path) {
    boolean kept = true;
    for (String line : ignore) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean keep = pattern.startsWith("!");
      PathMatcher matcher =
          FileSystems.getDefault()
              .getPathMatcher("glob:" + (keep ? pattern.substring(1) : pattern));
      for (Path prefix = Path.of(path); prefix != null; prefix = prefix.getParent()) {
        if (matcher.matches(prefix)) {
          kept = keep;
          break;
        }
      }
    }
    return kept;
  }

  private static List<Instruction> copies(String dockerfile) throws IOException {
    return instructions(dockerfile).stream()
        .filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD"))
        .filter(i -> !i.arguments().startsWith("--from"))
        .toList();
  }

  private static String instruction(String dockerfile, String keyword) throws IOException {
    List<Instruction> found =
        instructions(dockerfile).stream().filter(i -> i.keyword().equals(keyword)).toList();
    assertThat(found).as("%s instructions in %s", keyword, dockerfile).hasSize(1);
    return found.get(0).arguments();
  }

  /** The instructions of a Dockerfile, comments left out and continued lines joined. */
  static List<Instruction> instructions(String dockerfile) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(DOCKER.resolve(dockerfile))) {
      String text = line.strip();
      if (text.startsWith("#") || (text.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (text.endsWith("\\")) {
        pending.append(text, 0, text.length() - 1).append(' ');
        continue;
      }
      String[] parts = (pending + text).split("\\s+", 2);
      instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
      pending.setLength(0);
    }
    return instructions;
  }

  private static String tag(String dockerfile) throws IOException {
    Matcher matcher = BUILD_TAG.matcher(Files.readString(DOCKER.resolve(dockerfile)));
    assertThat(matcher.find()).as("%s shows its docker build command", dockerfile).isTrue();
    return matcher.group(1);
  }

  private static int javaVersionExitCode(String flags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(flags.split(" ")));
    command.add("-version");
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    java.getInputStream().transferTo(System.out);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return java.exitValue();
  }
}
