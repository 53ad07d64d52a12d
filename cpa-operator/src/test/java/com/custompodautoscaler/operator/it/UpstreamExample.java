package com.custompodautoscaler.operator.it;

import com.custompodautoscaler.pipeline.testing.Kubectl;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One of the fixtures in {@code src/test/resources/upstream-examples}: our own files shaped like
 * one of the Go Custom Pod Autoscaler's examples (its {@code cpa.yaml}, {@code config.yaml}, user
 * logic and target), for proving that such files work here unchanged.
 */
record UpstreamExample(String name, Path folder) {

  /** The examples the issue names first, then the three that need more of the cluster. */
  static final List<String> NAMES =
      List.of(
          "python-custom-autoscaler",
          "simple-pod-metrics-python",
          "zero-scaler",
          "post-scale-hook",
          "downscale-stabilization",
          "k8s-metrics-cpu",
          "http-request",
          "argo-rollouts");

  static UpstreamExample named(String name) {
    return new UpstreamExample(name, resource("upstream-examples/" + name));
  }

  /** A fixture file shared by examples, such as {@code flask-metric/deployment.yaml}. */
  static Path shared(String relative) {
    return resource("upstream-examples/" + relative);
  }

  Path file(String fileName) {
    return folder.resolve(fileName);
  }

  String read(String fileName) throws IOException {
    return Files.readString(file(fileName), StandardCharsets.UTF_8);
  }

  /** Applies the example's {@code cpa.yaml} with kubectl, as its README tells a user to. */
  void applyCpa(Path kubeconfig, String namespace) throws IOException, InterruptedException {
    apply(file("cpa.yaml"), kubeconfig, namespace);
  }

  /** {@code kubectl apply -n namespace -f file}. */
  static void apply(Path file, Path kubeconfig, String namespace)
      throws IOException, InterruptedException {
    Kubectl.run(kubeconfig, "apply", "-n", namespace, "-f", file.toString());
  }

  private static Path resource(String name) {
    URL url = UpstreamExample.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("test resource " + name + " is not a file: " + url, e);
    }
  }
}
