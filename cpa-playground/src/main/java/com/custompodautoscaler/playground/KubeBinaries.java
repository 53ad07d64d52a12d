package com.custompodautoscaler.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kube-apiserver, etcd and kubectl binaries the control plane runs, where kube-api-test looks
 * for them, and kube-controller-manager for the comparison with the real HPA. When they are
 * missing, the provisioning script that ships in this jar builds them from Debian's packages, with
 * its progress shown; that takes about ten minutes, once.
 */
final class KubeBinaries {

  static final String VERSION = "1.20.2";
  private static final String SCRIPT = "/playground/ensure-kube-binaries.sh";

  private KubeBinaries() {}

  static Path directory() {
    return Path.of(
        System.getProperty("user.home"), ".kubeapitest", "k8s", VERSION + "-linux-amd64");
  }

  static boolean present() {
    Path dir = directory();
    return List.of("kube-apiserver", "etcd", "kubectl", ControllerManager.BINARY).stream()
        .allMatch(binary -> Files.isExecutable(dir.resolve(binary)));
  }

  /** Provisions the binaries unless they are there; progress goes to {@code out}. */
  static void ensure(PrintStream out) throws IOException, InterruptedException {
    if (present()) {
      return;
    }
    out.println(
        "First run: provisioning kube-apiserver, etcd and kubectl "
            + VERSION
            + " into "
            + directory()
            + " from Debian's packages. This takes up to 18 minutes, once.");
    Path script = Files.createTempFile("ensure-kube-binaries", ".sh");
    try {
      try (InputStream in = KubeBinaries.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IOException("the provisioning script is missing from this jar");
        }
        Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Process process =
          new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        lines.lines().forEach(line -> out.println("  " + line));
      }
      if (process.waitFor() != 0 || !present()) {
        throw new IOException(
            "provisioning the Kubernetes binaries failed (see above); scripts/ensure-kube-binaries.sh"
                + " needs root and Debian's package archive");
      }
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
