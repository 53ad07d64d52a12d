package com.custompodautoscaler.bench;

import com.custompodautoscaler.playground.ControlPlane;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the benchmarks: {@code java -jar bench/target/cpa-bench.jar [NAME...]} (all when none is
 * named) from the repository root. Each prints its results; docs/benchmarks.md holds the method and
 * the numbers.
 */
public final class Benchmarks {

  private static final List<Bench> ALL =
      List.of(
          new RunOverheadBenchmark(),
          new ShellOverheadBenchmark(),
          new WorkerOverheadBenchmark(),
          new PerPodBenchmark(),
          new PerPodWorkerBenchmark(),
          new HpaMethodBenchmark(),
          new StartupMemoryBenchmark(),
          new OperatorMemoryBenchmark(),
          new HostScaleBenchmark(),
          new HostFailoverBenchmark(),
          new PredictionBenchmark());

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    List<Bench> chosen =
        args.length == 0
            ? ALL
            : ALL.stream().filter(bench -> List.of(args).contains(bench.name())).toList();
    if (chosen.isEmpty()) {
      out.println("benchmarks: " + ALL.stream().map(Bench::name).toList());
      System.exit(2);
    }
    Path autoscalerJar = Path.of("cpa-autoscaler/target/cpa-autoscaler.jar").toAbsolutePath();
    if (!Files.isRegularFile(autoscalerJar)) {
      out.println("build first: no " + autoscalerJar + " (run from the repository root)");
      System.exit(2);
    }
    Path workDir = Files.createTempDirectory("cpa-bench");
    out.println("machine: " + Machine.describe());
    try (ControlPlane plane = ControlPlane.start(workDir, out)) {
      BenchContext context = new BenchContext(plane, workDir, autoscalerJar);
      for (Bench bench : chosen) {
        out.println();
        out.println("== " + bench.name());
        bench.run(context, out);
      }
    }
    System.exit(0);
  }
}
