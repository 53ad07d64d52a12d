package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.autoscaler.testing.SharedKubeApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The provisioned {@code kubectl}, as a user types it. */
final class Kubectl {

  private Kubectl() {}

  /** Runs {@code kubectl --kubeconfig KUBECONFIG args...}, asserts success, returns its output. */
  static String run(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                SharedKubeApiServer.binary("kubectl").toString(),
                "--kubeconfig",
                kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
    return output;
  }
}
