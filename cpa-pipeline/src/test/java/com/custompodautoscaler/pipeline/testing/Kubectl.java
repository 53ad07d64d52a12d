package com.custompodautoscaler.pipeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The provisioned {@code kubectl}, as a user types it. */
public final class Kubectl {

  private Kubectl() {}

  /** Runs {@code kubectl --kubeconfig KUBECONFIG args...}, asserts success, returns its output. */
  public static String run(Path kubeconfig, String... args)
      throws IOException, InterruptedException {
    return runIn(Path.of("."), kubeconfig, args);
  }

  /** {@link #run} in folder {@code directory}, as a README's commands run "from this folder". */
  public static String runIn(Path directory, Path kubeconfig, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                SharedKubeApiServer.binary("kubectl").toString(),
                "--kubeconfig",
                kubeconfig.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
    return output;
  }
}
