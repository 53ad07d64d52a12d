package com.custompodautoscaler.bench;

import com.custompodautoscaler.playground.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks share: a local control plane and a scratch folder. */
record BenchContext(ControlPlane plane, Path workDir, Path autoscalerJar) {

  /** The jar the build made at {@code relativePath} (from the repository root), absolute. */
  static Path builtJar(String relativePath) {
    Path jar = Path.of(relativePath).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build first: no " + jar + " (run from the repository root)");
    }
    return jar;
  }
}
