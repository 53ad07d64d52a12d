package com.custompodautoscaler.playground;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the playground runs one example, from its {@code playground.yaml}: the target to create,
 * environment for the autoscaler, whether simulated pods serve a metric endpoint or have pod
 * metrics, another autoscaler to run beside it, and the steps that change the world over time, each
 * with the replica count the autoscaler should reach. A {@code timed} script's steps last a given
 * time each, whatever the replicas do, so that its load keeps a rhythm (a compressed day).
 */
public record ExampleScript(
    String description,
    String customResourceDefinition,
    Target target,
    PodEndpoints podEndpoints,
    PodMetrics podMetrics,
    StandIn standIn,
    JavaBuild javaBuild,
    Map<String, String> environment,
    String label,
    Besides besides,
    boolean timed,
    List<Step> steps) {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public ExampleScript {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(target, "target");
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    steps = steps == null ? List.of() : List.copyOf(steps);
    label = label == null ? "this example" : label;
  }

  /** Reads a {@code playground.yaml}. */
  public static ExampleScript read(Path file) throws IOException {
    try {
      ExampleScript script = YAML.readValue(file.toFile(), ExampleScript.class);
      script.checkSteps();
      return script;
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + " is not a valid playground script: " + e.getMessage(), e);
    }
  }

  /** Each step has what the script's kind needs: its time when timed, a twin when it names one. */
  private void checkSteps() {
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (timed && (step.lasts() == null || step.lasts() < 1 || step.after() != 0)) {
        throw new IllegalArgumentException(
            "steps["
                + i
                + "]: a timed script's step says how long it lasts (lasts: seconds, at"
                + " least 1) and has no after");
      }
      if (!timed && step.expect() == null) {
        throw new IllegalArgumentException(
            "steps[" + i + "]: expect is missing: the replicas the autoscaler should reach");
      }
      if (!timed && step.expectAtLeast() != null) {
        throw new IllegalArgumentException(
            "steps[" + i + "]: expectAtLeast is for a timed script (timed: true)");
      }
      if (!timed && step.lasts() != null) {
        throw new IllegalArgumentException(
            "steps[" + i + "]: lasts is for a timed script (timed: true)");
      }
      if (besides == null && step.besidesExpect() != null) {
        throw new IllegalArgumentException(
            "steps[" + i + "]: besidesExpect needs an autoscaler beside this one (besides)");
      }
    }
  }

  /** The script for a user's own config: a sample Deployment and no steps. */
  static ExampleScript forOwnConfig() {
    return new ExampleScript(
        "your configuration against the sample Deployment 'sample'",
        null,
        new Target(null, "Deployment", "sample", 1, Map.of()),
        new PodEndpoints(8080),
        null,
        null,
        null,
        Map.of(),
        null,
        null,
        false,
        List.of());
  }

  /** This script for the autoscaler beside the example's: its environment over the example's. */
  ExampleScript forBesides() {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(besides.environment());
    return new ExampleScript(
        description,
        null,
        target,
        podEndpoints,
        podMetrics,
        standIn,
        null,
        merged,
        besides.label(),
        null,
        timed,
        steps);
  }

  /** The autoscaler to run beside the example's, if there is one. */
  public Optional<Besides> besidesSpec() {
    return Optional.ofNullable(besides);
  }

  /**
   * Another autoscaler, shown as {@code label}, run beside the example's on a twin of its target
   * (the same script, in a namespace of its own): the example's configuration with {@code
   * environment} over the script's, such as another evaluate stage to compare with.
   */
  public record Besides(String label, Map<String, String> environment) {
    public Besides {
      Objects.requireNonNull(label, "besides.label");
      environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
  }

  /** The port simulated pods serve {@code GET /metric} on, when the example wants them to. */
  public OptionalInt podEndpointPort() {
    return podEndpoints == null ? OptionalInt.empty() : OptionalInt.of(podEndpoints.port());
  }

  /** The file in the example's folder that defines the target's kind, if it is a custom one. */
  public Optional<String> customResourceDefinitionFile() {
    return Optional.ofNullable(customResourceDefinition);
  }

  /**
   * The object the example scales: an apps/v1 Deployment, StatefulSet or ReplicaSet (whose pods the
   * playground simulates), or a custom resource with a scale subresource.
   */
  public record Target(
      String apiVersion, String kind, String name, int replicas, Map<String, String> labels) {
    public Target {
      apiVersion = apiVersion == null ? "apps/v1" : apiVersion;
      Objects.requireNonNull(kind, "target.kind");
      Objects.requireNonNull(name, "target.name");
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
  }

  /** Simulated pods serve {@code GET /metric} on their pod IP and this port. */
  public record PodEndpoints(int port) {}

  /** The pod metrics metrics-server would report, when the example reads them. */
  public Optional<PodMetrics> podMetricsSpec() {
    return Optional.ofNullable(podMetrics);
  }

  /**
   * The playground stands in for metrics-server: simulated pods request {@code cpuRequest} CPU, and
   * steps set the CPU they use together.
   */
  public record PodMetrics(String cpuRequest) {
    public PodMetrics {
      Objects.requireNonNull(cpuRequest, "podMetrics.cpuRequest");
    }
  }

  /** The jar the example's Java logic is built into before it runs, if it has Java logic. */
  public Optional<JavaBuild> javaBuildSpec() {
    return Optional.ofNullable(javaBuild);
  }

  /** Java {@code sources} in the example's folder, compiled into {@code jar} there. */
  public record JavaBuild(List<String> sources, String jar) {
    public JavaBuild {
      sources = List.copyOf(Objects.requireNonNull(sources, "javaBuild.sources"));
      Objects.requireNonNull(jar, "javaBuild.jar");
    }
  }

  /** The stand-in server the example needs, if it needs one. */
  public Optional<StandIn> standInServer() {
    return Optional.ofNullable(standIn);
  }

  /**
   * A local server standing in for a service the example would call (on the internet, or in the
   * cluster): {@code command} runs in the example's folder with {@code environment} and a free port
   * in {@code portVariable}; the autoscaler gets its base URL in {@code urlVariable}, and in place
   * of {@code ${standIn}} in the script's environment values. Steps choose its phase.
   */
  public record StandIn(
      List<String> command,
      String portVariable,
      String urlVariable,
      Map<String, String> environment) {
    public StandIn {
      command = List.copyOf(Objects.requireNonNull(command, "standIn.command"));
      Objects.requireNonNull(portVariable, "standIn.portVariable");
      Objects.requireNonNull(urlVariable, "standIn.urlVariable");
      environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
  }

  /**
   * One change: {@code after} seconds after the previous step's replicas were reached, set {@code
   * labels} on the target, spread {@code podLoad} over the pods' endpoints, have the pods use
   * {@code cpuLoad} CPU together (a quantity such as {@code 800m}) and move the stand-in to {@code
   * standInPhase}; the autoscaler should then reach {@code expect} replicas (the one beside it,
   * {@code besidesExpect}), and, when {@code expectError} is set, a run should fail with an error
   * containing it. In a timed script the step lasts {@code lasts} seconds instead, and the replicas
   * are what they are when that time is up; there, a count left out is not checked, and {@code
   * expectAtLeast} asks for that many or more (a forecast may be a pod over).
   */
  public record Step(
      int after,
      Integer lasts,
      String say,
      Map<String, String> labels,
      Integer podLoad,
      String cpuLoad,
      String standInPhase,
      Integer expect,
      Integer expectAtLeast,
      Integer besidesExpect,
      String expectError) {
    public Step {
      say = say == null ? "" : say;
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
  }
}
