package com.custompodautoscaler.playground;

import com.custompodautoscaler.autoscaler.cli.TerminationSignal;
import com.custompodautoscaler.pipeline.config.ConfigLoader;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar cpa-playground.jar}: an autoscaler at work on a local control plane. */
@Command(
    name = "cpa-playground",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local Kubernetes control plane (kube-apiserver and etcd), a simulated workload"
          + " controller and an autoscaler, and prints each run's decision. Ctrl-C stops it all.",
      "Without options it runs the getting-started example."
    })
public final class PlaygroundCli implements Callable<Integer> {

  static final String NAMESPACE = "playground";

  /** How long a stop waits for the script's step under way to give up. */
  private static final long SCENARIO_STOP_MILLIS = 5000;

  @Option(names = "--example", paramLabel = "NAME", description = "Example to run (see --list).")
  private String example = "getting-started";

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Run your own config against a sample Deployment 'sample' instead of an example; its"
              + " commands run in the file's folder.")
  private Path config;

  @Option(names = "--list", description = "List the examples and exit.")
  private boolean list;

  @Option(
      names = "--compare-hpa",
      description =
          "Run the real HPA (kube-controller-manager) beside the example, on a twin of its target"
              + " fed the same load, and print both decisions; for horizontal-pod-autoscaler.")
  private boolean compareHpa;

  @Option(
      names = "--real-node",
      description =
          "Run the example on a real single-node Kubernetes on this machine, with the project's"
              + " images and real pods (root; from the repository, after mvn package). The first"
              + " run provisions the node from Debian's packages and builds the images: about 20"
              + " minutes; later runs start in about a minute.")
  private boolean realNode;

  private final Console console = new Console(System.out);

  public static void main(String[] args) {
    System.exit(new CommandLine(new PlaygroundCli()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path workDir = Files.createTempDirectory("cpa-playground");
    try {
      return runIn(workDir);
    } catch (IOException e) {
      console.info("cannot run the playground: " + e.getMessage());
      return 1;
    } finally {
      LocalMachine.deleteTree(workDir);
    }
  }

  private int runIn(Path workDir) throws IOException, InterruptedException {
    ExampleLibrary library = ExampleLibrary.extractedTo(workDir);
    if (list) {
      listExamples(library);
      return 0;
    }
    Path configFile =
        config == null ? library.folder(example).resolve(ExampleLibrary.CONFIG_FILE) : config;
    ExampleScript script =
        config == null
            ? ExampleScript.read(library.folder(example).resolve(ExampleLibrary.SCRIPT_FILE))
            : ExampleScript.forOwnConfig();
    if (!isValid(configFile, script)) {
      return 1;
    }
    if (realNode) {
      return onTheRealNode(library, script);
    }
    return run(workDir, configFile, script);
  }

  private int run(Path workDir, Path configFile, ExampleScript script)
      throws IOException, InterruptedException {
    StartedParts running = new StartedParts();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "playground-exit"));
    console.info(
        "Starting a local Kubernetes control plane (kube-apiserver "
            + KubeBinaries.VERSION
            + ", etcd)...");
    ControlPlane plane = running.add(ControlPlane.start(workDir, console.stream()));
    console.info("  API server: " + plane.url());
    console.info(
        "  kubectl --kubeconfig "
            + plane.kubeconfig()
            + " -n "
            + NAMESPACE
            + " get "
            + script.target().kind().toLowerCase()
            + ",pods");
    console.info(
        (config == null ? "Example " + example : "Playground") + ": " + script.description());
    Playground playground;
    try {
      playground =
          running.add(
              compareHpa
                  ? Playground.startBesideRealHpa(
                      plane, configFile, script, NAMESPACE, workDir, console)
                  : Playground.start(plane, configFile, script, NAMESPACE, console));
    } catch (IllegalArgumentException | InvalidConfigException e) {
      console.info("cannot compare with the real HPA: " + e.getMessage());
      running.close();
      return 1;
    }
    Thread scenario =
        new Thread(
            () -> {
              try {
                playground.playForever();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "scenario");
    scenario.setDaemon(true);
    scenario.start();
    running.add(
        () -> {
          scenario.interrupt();
          scenario.join(SCENARIO_STOP_MILLIS);
        });
    TerminationSignal.awaitThenExitCleanly(
        () -> {
          console.info("Stopping the playground...");
          running.close();
          LocalMachine.deleteTree(workDir);
        });
    return 0;
  }

  /** Runs the example on the real node until Ctrl-C, then takes the node down. */
  private int onTheRealNode(ExampleLibrary library, ExampleScript script)
      throws IOException, InterruptedException {
    Path folder = library.folder(example);
    if (config != null || !RealNodeExample.runsOnTheRealNode(script, folder)) {
      console.info(
          "--real-node runs the examples whose steps set labels on a Deployment, such as"
              + " getting-started; "
              + (config != null
                  ? "not your own config"
                  : example + " needs the playground's stand-ins"));
      return 1;
    }
    console.info(
        "Starting a real single-node Kubernetes (kubelet, containerd) with the project's images."
            + " The first run provisions it from Debian's packages and builds the images, about 20"
            + " minutes; later runs about a minute. Progress:");
    RealNode node = RealNodeProgress.start(Path.of("").toAbsolutePath(), console);
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "real-node-down"));
    try (KubernetesClient client = node.adminClient()) {
      console.info("Example " + example + " on the real node: " + script.description());
      RealNodeExample started =
          RealNodeExample.start(
              client, node.kubeconfig(), Path.of("").toAbsolutePath(), folder, script, console);
      Thread scenario =
          new Thread(
              () -> {
                try {
                  started.playForever();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "real-node-scenario");
      scenario.setDaemon(true);
      scenario.start();
      TerminationSignal.awaitThenExitCleanly(
          () -> {
            console.info("Stopping the real node...");
            node.close();
          });
    }
    return 0;
  }

  /**
   * On any exit, stops what is still running, in order: all of it when the process ends before the
   * playground runs (an error, or Ctrl-C while it starts), and then any process a start left
   * halfway, which runs in a session of its own and would otherwise be left behind.
   */
  private static void stop(StartedParts running) {
    running.close();
    LocalMachine.killLeftovers();
  }

  private boolean isValid(Path configFile, ExampleScript script) {
    try {
      ConfigLoader.load(configFile, Playground.configOverrides(script, NAMESPACE));
      return true;
    } catch (InvalidConfigException e) {
      console.info(e.getMessage());
      return false;
    }
  }

  private void listExamples(ExampleLibrary library) throws IOException {
    for (String name : library.names()) {
      ExampleScript script =
          ExampleScript.read(library.folder(name).resolve(ExampleLibrary.SCRIPT_FILE));
      console.info(String.format("%-20s %s", name, script.description()));
    }
  }
}
