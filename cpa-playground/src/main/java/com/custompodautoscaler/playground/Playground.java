package com.custompodautoscaler.playground;

import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import com.custompodautoscaler.pipeline.kubernetes.ClientErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One example running on a control plane: its target object, the simulated workload controller, the
 * stand-in pod endpoints, pod metrics and server if it needs them, and the autoscaler as its own
 * process; and, when the script asks for one, another autoscaler beside it on a twin of the target.
 * Its runs are printed as they happen; {@link #apply} makes the script's changes, to both.
 */
public final class Playground implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long a step waits at most for the replicas it expects. */
  private static final Duration STEP_WAIT = Duration.ofSeconds(60);

  private static final long POLL_MILLIS = 250;

  /** Written in a script's environment values, it becomes the stand-in server's base URL. */
  static final String STAND_IN_URL = "${standIn}";

  private final KubernetesClient client;
  private final String namespace;
  private final ExampleScript script;
  private final Console console;
  private final ExampleWorkload workload;
  private final Optional<HpaComparison> realHpa;
  private final Optional<Playground> besides;
  private final StandInServer standIn;
  private final AutoscalerChild autoscaler;
  private final AutoscalerOutput output;
  private final StartedParts parts;

  private Playground(
      ControlPlane plane,
      ExampleScript script,
      String namespace,
      Console console,
      ExampleWorkload workload,
      Optional<HpaComparison> realHpa,
      Optional<Playground> besides,
      StandInServer standIn,
      AutoscalerChild autoscaler,
      AutoscalerOutput output,
      StartedParts parts) {
    this.client = plane.client();
    this.namespace = namespace;
    this.script = script;
    this.console = console;
    this.workload = workload;
    this.realHpa = realHpa;
    this.besides = besides;
    this.standIn = standIn;
    this.autoscaler = autoscaler;
    this.output = output;
    this.parts = parts;
  }

  /**
   * Creates namespace {@code namespace} with the script's target in it, starts simulating its
   * workload, and starts the autoscaler on {@code config} (whose folder is its working folder).
   * What it started is stopped again when a later step fails.
   */
  public static Playground start(
      ControlPlane plane, Path config, ExampleScript script, String namespace, Console console)
      throws IOException {
    return StartedParts.closedOnFailure(
        parts -> startWith(plane, config, script, namespace, console, Optional.empty(), parts));
  }

  /**
   * As {@link #start}, with the real HPA beside the autoscaler ({@link HpaComparison}): the real
   * Deployment and ReplicaSet controllers make the pods of both, and each step's CPU load goes to
   * both; the twin lives in namespace {@code namespace}-hpa.
   *
   * @throws IllegalArgumentException when no HPA can stand for the configuration
   */
  public static Playground startBesideRealHpa(
      ControlPlane plane,
      Path config,
      ExampleScript script,
      String namespace,
      Path workDir,
      Console console)
      throws IOException, InvalidConfigException {
    if (script.besidesSpec().isPresent()) {
      throw new IllegalArgumentException(
          "this example runs " + script.besidesSpec().get().label() + " beside it already");
    }
    if (script.podMetricsSpec().isEmpty() || !"Deployment".equals(script.target().kind())) {
      throw new IllegalArgumentException(
          "the real HPA can stand beside an example whose target is a Deployment with podMetrics,"
              + " such as horizontal-pod-autoscaler");
    }
    AutoscalerConfig loaded =
        ConfigLoader.load(config, configOverrides(script, namespace)).config();
    return StartedParts.closedOnFailure(
        parts -> {
          HpaComparison comparison =
              parts.add(
                  HpaComparison.start(plane, loaded, script, namespace + "-hpa", workDir, console));
          return startWith(
              plane, config, script, namespace, console, Optional.of(comparison), parts);
        });
  }

  /** The steps of a start, each part remembered in {@code parts} as it starts. */
  private static Playground startWith(
      ControlPlane plane,
      Path config,
      ExampleScript script,
      String namespace,
      Console console,
      Optional<HpaComparison> realHpa,
      StartedParts parts)
      throws IOException {
    KubernetesClient client = plane.client();
    Path folder = config.toAbsolutePath().getParent();
    TargetObjects.createNamespace(client, namespace);
    if (script.customResourceDefinitionFile().isPresent()) {
      CustomResourceDefinitions.install(
          client, folder.resolve(script.customResourceDefinitionFile().get()), "cpa-playground");
    }
    ExampleWorkload workload =
        ExampleWorkload.start(
            client,
            script,
            namespace,
            realHpa.isPresent()
                ? ExampleWorkload.Pods.REAL_CONTROLLERS
                : ExampleWorkload.Pods.SIMULATED_CONTROLLER,
            parts);
    if (script.javaBuildSpec().isPresent()) {
      Path jar = JarBuilder.build(script.javaBuildSpec().get(), folder);
      console.info("  built " + jar);
    }
    StandInServer standIn =
        script.standInServer().isPresent()
            ? parts.add(StandInServer.start(script.standInServer().get(), folder))
            : null;
    Console own = script.besidesSpec().isPresent() ? console.labelled(script.label()) : console;
    AutoscalerOutput output = new AutoscalerOutput(own);
    AutoscalerChild autoscaler =
        parts.add(startAutoscaler(plane, config, script, namespace, standIn, output, console));
    Optional<Playground> besides = Optional.empty();
    if (script.besidesSpec().isPresent()) {
      ExampleScript twin = script.forBesides();
      console.info("  beside it, " + twin.label() + " in namespace " + namespace + "-besides");
      besides =
          Optional.of(
              startWith(
                  plane,
                  config,
                  twin,
                  namespace + "-besides",
                  console.labelled(twin.label()),
                  Optional.empty(),
                  parts));
    }
    return new Playground(
        plane,
        script,
        namespace,
        console,
        workload,
        realHpa,
        besides,
        standIn,
        autoscaler,
        output,
        parts);
  }

  private static AutoscalerChild startAutoscaler(
      ControlPlane plane,
      Path config,
      ExampleScript script,
      String namespace,
      StandInServer standIn,
      AutoscalerOutput output,
      Console console)
      throws IOException {
    int apiPort = LocalMachine.freePort();
    Map<String, String> env = environment(plane, namespace, script, apiPort);
    if (standIn != null) {
      env.replaceAll((name, value) -> value.replace(STAND_IN_URL, standIn.url()));
      env.put(script.standInServer().get().urlVariable(), standIn.url());
      console.info("  stand-in server: " + standIn.url());
    }
    AutoscalerChild autoscaler = AutoscalerChild.start(config, env, output);
    autoscaler.whenItStopsByItself(
        status ->
            console.event(
                "the autoscaler stopped (exit status " + status + "); see its messages above"));
    console.info("  REST API of the autoscaler: http://127.0.0.1:" + apiPort + "/api/v1/metrics");
    return autoscaler;
  }

  /**
   * The configuration the playground sets through environment variables, as an operator would: the
   * namespace, the target, and the script's own variables.
   */
  static Map<String, String> configOverrides(ExampleScript script, String namespace) {
    Map<String, String> env = new HashMap<>(script.environment());
    env.put("namespace", namespace);
    env.put(
        "scaleTargetRef",
        "{\"apiVersion\": \""
            + script.target().apiVersion()
            + "\", \"kind\": \""
            + script.target().kind()
            + "\", \"name\": \""
            + script.target().name()
            + "\"}");
    return env;
  }

  private static Map<String, String> environment(
      ControlPlane plane, String namespace, ExampleScript script, int apiPort) throws IOException {
    Map<String, String> env = new HashMap<>(configOverrides(script, namespace));
    env.put("KUBECONFIG", plane.kubeconfig().toString());
    env.put("PYTHONPATH", PythonLibrary.pythonPath());
    env.put("apiConfig", "{\"host\": \"127.0.0.1\", \"port\": " + apiPort + "}");
    return env;
  }

  /**
   * Gives the targets the world of a timed script's first step, quietly, and waits (a minute at
   * most) until every autoscaler has run once: a timed script keeps its rhythm from its first step
   * on, whatever the autoscalers' start took.
   */
  public void readyForTimedSteps() throws InterruptedException {
    if (!script.timed() || script.steps().isEmpty()) {
      return;
    }
    change(script.steps().get(0));
    besides.ifPresent(twin -> twin.change(script.steps().get(0)));
    awaitFirstRun(this);
    for (Playground twin : besides.stream().toList()) {
      awaitFirstRun(twin);
    }
  }

  private void awaitFirstRun(Playground one) throws InterruptedException {
    if (!one.output.awaitFirstRun(STEP_WAIT)) {
      console.event(
          one.script.label()
              + " has not run within "
              + STEP_WAIT.toSeconds()
              + " s; the script goes on");
    }
  }

  /** Makes one step of the script happen, here and beside, and says so. */
  public void apply(ExampleScript.Step step) {
    if (!step.say().isEmpty()) {
      console.event("~ " + step.say());
    }
    change(step);
    besides.ifPresent(twin -> twin.change(step));
  }

  private void change(ExampleScript.Step step) {
    if (!step.labels().isEmpty()) {
      // A merge patch carries no resourceVersion, so it cannot conflict with the autoscaler's
      // scale patches or the simulator's status updates.
      TargetObjects.find(client, namespace, script.target())
          .patch(PatchContext.of(PatchType.JSON_MERGE), labelsPatch(step.labels()));
    }
    if (step.podLoad() != null) {
      workload.endpoints().ifPresent(endpoints -> endpoints.setTotalLoad(step.podLoad()));
    }
    if (step.cpuLoad() != null) {
      useCpu(step.cpuLoad());
    }
    if (step.standInPhase() != null) {
      chooseStandInPhase(step.standInPhase());
    }
  }

  private void useCpu(String cpuLoad) {
    Optional<MetricsServerStandIn> metricsServer = workload.metricsServer();
    if (metricsServer.isEmpty()) {
      console.event("this step sets a CPU load, but the example has no podMetrics");
      return;
    }
    try {
      metricsServer.get().useCpu(cpuLoad);
      realHpa.ifPresent(comparison -> comparison.useCpu(cpuLoad));
    } catch (IllegalArgumentException e) {
      console.event("this step's cpuLoad is not a CPU quantity: " + e.getMessage());
    }
  }

  private void chooseStandInPhase(String phase) {
    if (standIn == null) {
      console.event("this step sets a stand-in phase, but the example has no standIn");
      return;
    }
    try {
      standIn.choosePhase(phase);
    } catch (IOException e) {
      console.event("could not move the stand-in to phase '" + phase + "': " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String labelsPatch(Map<String, String> labels) {
    try {
      return JSON.writeValueAsString(Map.of("metadata", Map.of("labels", labels)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a labels patch", e);
    }
  }

  /**
   * Plays the script's steps over and over, until interrupted: each step waits for the replicas the
   * one before expects (a minute at most; on both targets when the real HPA or another autoscaler
   * runs alongside), then for its own {@code after} seconds. The steps of a timed script last their
   * time each instead.
   */
  public void playForever() throws InterruptedException {
    readyForTimedSteps();
    List<ExampleScript.Step> steps = script.steps();
    long started = System.nanoTime();
    long seconds = 0;
    while (!steps.isEmpty()) {
      for (ExampleScript.Step step : steps) {
        Thread.sleep(step.after() * 1000L);
        try {
          apply(step);
        } catch (KubernetesClientException e) {
          if (interrupted(e)) {
            return;
          }
          console.event("could not make this step happen: " + ClientErrors.describe(e));
        }
        if (script.timed()) {
          seconds += step.lasts();
          sleepUntil(started, seconds);
        } else {
          awaitReplicas(step);
        }
        realHpa.ifPresent(
            comparison ->
                console.event(
                    "after this step: HPA as a CPA "
                        + targetReplicas()
                        + ", real HPA "
                        + comparison.replicas()));
        besides.ifPresent(
            twin ->
                console.event(
                    "after this step: "
                        + script.label()
                        + " "
                        + targetReplicas()
                        + ", "
                        + twin.script.label()
                        + " "
                        + twin.targetReplicas()));
      }
    }
    Thread.currentThread().join();
  }

  /**
   * Sleeps until {@code seconds} after {@code started} (a {@link System#nanoTime}): a timed
   * script's steps keep to their times, however long each took to make happen.
   */
  static void sleepUntil(long started, long seconds) throws InterruptedException {
    long left = started + seconds * 1_000_000_000L - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  /** Whether the call failed because the playground stops, which interrupts the script. */
  private static boolean interrupted(KubernetesClientException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedIOException || cause instanceof InterruptedException) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  private void awaitReplicas(ExampleScript.Step step) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_WAIT.toNanos();
    while (System.nanoTime() < deadline && autoscalerRunning()) {
      try {
        if (settledAt(step)) {
          return;
        }
      } catch (KubernetesClientException e) {
        // The target could not be read this time; the next look will do.
      }
      Thread.sleep(POLL_MILLIS);
    }
    if (autoscalerRunning()) {
      console.event(
          "the replicas did not reach "
              + step.expect()
              + (step.besidesExpect() == null ? "" : " (beside: " + step.besidesExpect() + ")")
              + " within "
              + STEP_WAIT.toSeconds()
              + " s; the script goes on");
    }
  }

  /**
   * Whether the target, and the twin when the real HPA or another autoscaler runs beside it, have
   * the replicas the step expects.
   */
  private boolean settledAt(ExampleScript.Step step) {
    return targetReplicas() == step.expect()
        && realHpa.map(comparison -> comparison.replicas() == step.expect()).orElse(true)
        && besidesReplicas()
            .map(replicas -> step.besidesExpect() == null || step.besidesExpect().equals(replicas))
            .orElse(true);
  }

  /** The twin target's replicas, when another autoscaler runs beside this one. */
  public Optional<Integer> besidesReplicas() {
    return besides.map(Playground::targetReplicas);
  }

  /** The target's replicas as its spec says now. */
  public int targetReplicas() {
    GenericKubernetesResource target = TargetObjects.find(client, namespace, script.target()).get();
    Object replicas = target.get("spec", "replicas");
    return replicas instanceof Number number ? number.intValue() : 0;
  }

  /** The error of the last run that failed, or an empty string. */
  public String lastRunError() {
    return output.lastRunError();
  }

  public boolean autoscalerRunning() {
    return autoscaler.isAlive() && besides.map(Playground::autoscalerRunning).orElse(true);
  }

  /** Stops the autoscaler, then everything else the playground started, the last started first. */
  @Override
  public void close() {
    output.stopping();
    besides.ifPresent(twin -> twin.output.stopping());
    parts.close();
  }
}
