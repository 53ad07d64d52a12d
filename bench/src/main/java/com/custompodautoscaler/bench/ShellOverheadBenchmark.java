package com.custompodautoscaler.bench;

import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import com.custompodautoscaler.pipeline.method.ShellMethod;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The shell method against a bare spawn of the same command with the same stdin from the same JVM.
 * Two commands: {@code /bin/cat}, the cheapest command there is, so the worst case for relative
 * overhead; and a Python one-liner that echoes stdin, like real user logic. For {@code cat} a third
 * variant, a bare spawn through {@code setsid}, shows how much of the overhead is the new session
 * (what lets a timeout end the whole process tree). The document is a metric-stage document of
 * about 1.5 KB. The variants take turns in blocks of 50 calls with a pause between blocks, so that
 * all see the same machine and none is timed while another's background work (the shell method's
 * sweep of finished sessions) still runs.
 */
final class ShellOverheadBenchmark implements Bench {

  private static final int WARMUP = 200;
  private static final int CALLS = 1000;
  private static final int PYTHON_WARMUP = 50;
  private static final List<String> CAT = List.of("/bin/cat");
  private static final List<String> PYTHON =
      List.of(BenchProcesses.python(), "-c", "import sys; sys.stdout.write(sys.stdin.read())");
  private static final int PYTHON_CALLS = 200;

  @Override
  public String name() {
    return "shell-overhead";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    String document = BenchProcesses.metricDocument();
    ExecutorService io = Executors.newCachedThreadPool();
    ProcessSessions sessions = ProcessSessions.forThisMachine();
    try {
      List<Stats> cat =
          BenchProcesses.inTurns(
              document,
              WARMUP,
              CALLS,
              List.of(
                  () -> BenchProcesses.bareSpawn(CAT, document),
                  () -> BenchProcesses.bareSpawn(List.of("setsid", "--wait", "/bin/cat"), document),
                  () -> shellMethod(CAT, sessions, io).call(document)));
      out.println("/bin/cat, bare spawn:              " + cat.get(0).describe());
      out.println("/bin/cat, bare spawn with setsid:  " + cat.get(1).describe());
      out.println("/bin/cat, shell method:            " + cat.get(2).describe());
      out.printf(
          "/bin/cat: ratio of medians %.2f (target at most 1.2); against the bare spawn with setsid %.2f%n",
          cat.get(2).median() / cat.get(0).median(), cat.get(2).median() / cat.get(1).median());
      List<Stats> python =
          BenchProcesses.inTurns(
              document,
              PYTHON_WARMUP,
              PYTHON_CALLS,
              List.of(
                  () -> BenchProcesses.bareSpawn(PYTHON, document),
                  () -> shellMethod(PYTHON, sessions, io).call(document)));
      out.println("python (" + PYTHON.get(0) + ") echo, bare spawn:   " + python.get(0).describe());
      out.println("python (" + PYTHON.get(0) + ") echo, shell method: " + python.get(1).describe());
      out.printf(
          "python3 echo: ratio of medians %.2f%n", python.get(1).median() / python.get(0).median());
    } finally {
      io.shutdownNow();
    }
  }

  private static ShellMethod shellMethod(
      List<String> command, ProcessSessions sessions, ExecutorService io) {
    return new ShellMethod(
        "metric",
        new ShellMethodConfig(
            Duration.ofSeconds(10), command.get(0), command.subList(1, command.size()), false),
        sessions,
        io,
        1024 * 1024);
  }
}
