package com.custompodautoscaler.bench;

import com.custompodautoscaler.playground.ControlPlane;
import java.nio.file.Path;

/** What the benchmarks share: a local control plane and a scratch folder. */
record BenchContext(ControlPlane plane, Path workDir, Path autoscalerJar) {}
