package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.custompodautoscaler.api.v1.AutoscalerEnvironment;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.autoscaler.testing.AutoscalerProcess;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts upstream-shaped examples on the shared kube-apiserver (with our CRD) and starts the
 * autoscaler jar on them, for the tests of those examples.
 */
final class UpstreamExampleRunner implements AutoCloseable {

  /** The interval runs use instead of the examples' 10 s. */
  static final String INTERVAL_MILLIS = "500";

  private final KubernetesClient admin;
  private final Path kubeconfig;

  private UpstreamExampleRunner(KubernetesClient admin, Path kubeconfig) {
    this.admin = admin;
    this.kubeconfig = kubeconfig;
  }

  /** A runner on the shared API server, with our CRD installed and a kubeconfig in {@code dir}. */
  static UpstreamExampleRunner onSharedApiServer(Path dir) throws Exception {
    KubernetesClient admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    Path kubeconfig =
        Files.writeString(dir.resolve("kubeconfig"), SharedKubeApiServer.kubeconfigYaml());
    return new UpstreamExampleRunner(admin, kubeconfig);
  }

  KubernetesClient admin() {
    return admin;
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * Upstream configs run {@code python}, which a fresh Debian machine lacks: fail at once, naming
   * the cure, rather than after every run failed.
   */
  static void requirePython() throws InterruptedException {
    String cure = "the upstream examples run `python`; scripts/ensure-python3.sh installs it";
    try {
      Process python = new ProcessBuilder("python", "--version").redirectErrorStream(true).start();
      String version = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(python.waitFor()).as(cure).isZero();
      assertThat(version).as(cure + " (Python 3)").startsWith("Python 3");
    } catch (IOException e) {
      fail(cure + ": " + e.getMessage());
    }
  }

  /**
   * Applies the example's cpa.yaml and then {@code targets} to a fresh namespace named after {@code
   * purpose}; returns the namespace.
   */
  String deploy(String purpose, UpstreamExample example, Path... targets) throws Exception {
    String namespace = SharedKubeApiServer.freshNamespace(admin, purpose);
    example.applyCpa(kubeconfig, namespace);
    for (Path target : targets) {
      UpstreamExample.apply(target, kubeconfig, namespace);
    }
    return namespace;
  }

  /** The example's CustomPodAutoscaler as the API server keeps it. */
  CustomPodAutoscaler cpa(UpstreamExample example, String namespace) {
    return admin
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName(example.name())
        .get();
  }

  /**
   * The example's image root in {@code dir}, checked: undoing the rewrites gives the fixture's
   * config back, and no script path under "/" is left.
   */
  static ImageRoot imageRoot(Path dir, UpstreamExample example, Map<String, String> replacements)
      throws IOException {
    ImageRoot root = ImageRoot.of(example, dir.resolve("image"), replacements);
    assertThat(root.undone()).isEqualTo(example.read("config.yaml"));
    assertThat(root.configText()).doesNotContainPattern("\"/[^\"/]+\\.py\"");
    return root;
  }

  /**
   * The process environment: what an operator injected, the interval shortened and {@code entries}
   * set, as further {@code spec.config} entries would set them, and Python's view of the image
   * root.
   */
  static Map<String, String> runEnvironment(
      List<EnvVar> injected, Map<String, String> entries, ImageRoot root) {
    Map<String, String> env = InjectedEnvironment.asMap(injected);
    env.put("interval", INTERVAL_MILLIS);
    env.putAll(entries);
    env.putAll(root.pythonEnvironment());
    return env;
  }

  /**
   * Starts the autoscaler jar in {@code dir} on the example's image root, with the environment our
   * operator injects for its CPA in {@code namespace} (see {@link #runEnvironment}), and {@code
   * replacements} made in the config.
   */
  AutoscalerProcess start(
      Path dir,
      UpstreamExample example,
      String namespace,
      Map<String, String> entries,
      Map<String, String> replacements)
      throws IOException {
    ImageRoot root = imageRoot(dir, example, replacements);
    Map<String, String> env =
        runEnvironment(AutoscalerEnvironment.of(cpa(example, namespace)), entries, root);
    return AutoscalerProcess.start(dir, root.config(), kubeconfig, env).awaitReady();
  }

  /**
   * Creates {@code count} pods of Deployment {@code name}, Running on addresses 127.5.0.2 and up
   * (loopback addresses no other test uses, each with a port 5000 of its own), as its controller
   * and kubelet would; returns the addresses.
   */
  List<String> runPods(String namespace, String name, int count) {
    Deployment deployment = admin.apps().deployments().inNamespace(namespace).withName(name).get();
    List<String> ips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String ip = "127.5.0." + (i + 2);
      Pod pod =
          new PodBuilder()
              .withNewMetadata()
              .withName(name + "-" + i)
              .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
              .endMetadata()
              .withSpec(deployment.getSpec().getTemplate().getSpec())
              .editSpec()
              .withNodeName("node-0")
              .endSpec()
              .build();
      Pod created = admin.pods().inNamespace(namespace).resource(pod).create();
      created.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP(ip).build());
      admin.pods().inNamespace(namespace).resource(created).updateStatus();
      ips.add(ip);
    }
    return ips;
  }

  @Override
  public void close() {
    admin.close();
  }
}
