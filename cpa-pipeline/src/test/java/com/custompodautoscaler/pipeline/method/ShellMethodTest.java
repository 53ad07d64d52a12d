package com.custompodautoscaler.pipeline.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.ShellMethodConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellMethodTest {

  private static final ExecutorService IO = Executors.newCachedThreadPool();
  private static final ProcessSessions SESSIONS = ProcessSessions.forThisMachine();
  private static final int ONE_MIB = 1024 * 1024;

  @TempDir Path dir;

  @AfterAll
  static void stopIo() {
    IO.shutdownNow();
  }

  @Test
  void passesTheArgumentsAndTheDocumentAndReturnsStdoutVerbatim() {
    String script =
        "[ \"$0 $1\" = \"command arg1\" ] || exit 3; "
            + "[ \"$(cat)\" = 'pipe value' ] || exit 4; printf 'test std out\\n'";

    String output = sh(10_000, script, "command", "arg1").call("pipe value");

    assertThat(output).isEqualTo("test std out\n");
  }

  @Test
  void writesTheDocumentWithoutATrailingNewline() {
    assertThat(sh(10_000, "cat").call("{\"a\":1}")).isEqualTo("{\"a\":1}");
  }

  @Test
  void keepsTheTrailingNewlineOfTheOutput() {
    assertThat(sh(10_000, "echo '5'").call("")).isEqualTo("5\n");
  }

  @Test
  void aNonZeroExitCarriesTheStatusAndTheTailOfStderr() {
    ShellMethod failing = sh(10_000, "echo 'shell command failed' >&2; exit 1");

    assertThatThrownBy(() -> failing.call("x"))
        .isInstanceOf(UserLogicException.class)
        .hasMessage("exit status 1; stderr: shell command failed");
  }

  @Test
  void aLongStderrIsCutToItsTail() {
    ShellMethod failing =
        sh(10_000, "i=0; while [ $i -lt 500 ]; do echo line$i >&2; i=$((i+1)); done; exit 2");

    assertThatThrownBy(() -> failing.call("x"))
        .hasMessageStartingWith("exit status 2; stderr: ...")
        .hasMessageEndingWith("line499");
  }

  @Test
  void aHangingCommandTimesOutWithCpaV2sMessage() {
    ShellMethod hanging = sh(100, "sleep 30", "command", "arg1");

    assertThatThrownBy(() -> hanging.call("x"))
        .hasMessage(
            "entrypoint '/bin/sh', command '[-c sleep 30 command arg1]' timed out after 100 ms");
  }

  @Test
  void aTimeoutKillsAHangingGrandchildToo() throws Exception {
    Path pidFile = dir.resolve("grandchild.pid");
    ShellMethod hanging = sh(2000, "sh -c 'sleep 300' & echo $! > " + pidFile + "; wait");

    assertThatThrownBy(() -> hanging.call("x")).hasMessageContaining("timed out");

    long grandchild = Long.parseLong(Files.readString(pidFile).strip());
    awaitGone(grandchild);
  }

  @Test
  void theCallEndsWhenTheCommandExitsEvenIfAChildStillHoldsStdout() throws Exception {
    Path pidFile = dir.resolve("background.pid");
    ShellMethod leaking = sh(10_000, "sleep 300 & echo $! > " + pidFile + "; echo done");

    assertThat(leaking.call("x")).isEqualTo("done\n");

    awaitGone(Long.parseLong(Files.readString(pidFile).strip()));
  }

  @Test
  void backgroundProcessesLeftBehindBySuccessfulCallsAreEnded() throws Exception {
    Path pidFile = dir.resolve("daemon.pid");
    ShellMethod daemonizing =
        sh(10_000, "sleep 300 > /dev/null 2>&1 < /dev/null & echo $! > " + pidFile + "; echo ok");

    assertThat(daemonizing.call("x")).isEqualTo("ok\n");

    long daemon = Long.parseLong(Files.readString(pidFile).strip());
    awaitGone(daemon);
  }

  @Test
  void tooMuchStdoutIsAnErrorAndEndsTheCommandBeforeItsTimeout() {
    ShellMethod flooding = sh(60_000, "yes", 1000);

    assertThatThrownBy(() -> flooding.call("x"))
        .hasMessage(
            "entrypoint '/bin/sh', command '[-c yes]' wrote more than 1000 bytes to stdout (maxOutputBytes)");
  }

  @Test
  void tooMuchStderrIsAnErrorToo() {
    ShellMethod flooding = sh(60_000, "yes >&2", 1000);

    assertThatThrownBy(() -> flooding.call("x")).hasMessageContaining("bytes to stderr");
  }

  @Test
  void outputUpToTheLimitIsFine() {
    assertThat(sh(10_000, "head -c 1000 /dev/zero", 1000).call("x")).hasSize(1000);
  }

  @Test
  void aCommandThatIgnoresALargeDocumentStillSucceeds() {
    String large = "x".repeat(4 * ONE_MIB);

    assertThat(sh(10_000, "echo ignored").call(large)).isEqualTo("ignored\n");
  }

  @Test
  void aMissingProgramIsNamed() {
    ShellMethod missing =
        new ShellMethod(
            "metric",
            new ShellMethodConfig(Duration.ofSeconds(1), "no-such-program-here", List.of(), false),
            SESSIONS,
            IO,
            ONE_MIB);

    assertThatThrownBy(() -> missing.call("x"))
        .isInstanceOf(UserLogicException.class)
        .hasMessage("entrypoint 'no-such-program-here' not found or not executable");
  }

  @Test
  void findsAProgramOnThePath() {
    ShellMethod echo =
        new ShellMethod(
            "metric",
            new ShellMethodConfig(Duration.ofSeconds(10), "echo", List.of("hello"), true),
            SESSIONS,
            IO,
            ONE_MIB);

    assertThat(echo.call("")).isEqualTo("hello\n");
  }

  @Test
  void anInterruptedCallKillsTheCommand() throws Exception {
    Path pidFile = dir.resolve("interrupted.pid");
    ShellMethod hanging = sh(60_000, "echo $$ > " + pidFile + "; sleep 300");
    Thread caller =
        new Thread(
            () -> assertThatThrownBy(() -> hanging.call("x")).hasMessageContaining("interrupted"));
    caller.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);

    caller.interrupt();
    caller.join(5000);

    long pid = Long.parseLong(Files.readString(pidFile).strip());
    awaitGone(pid);
    assertThat(caller.isAlive()).isFalse();
  }

  @Test
  void killAllEndsEveryRunningCommand() throws Exception {
    Path pidFile = dir.resolve("running.pid");
    ShellMethod hanging = sh(60_000, "echo $$ > " + pidFile + "; sleep 300");
    Thread caller =
        new Thread(
            () ->
                assertThatThrownBy(() -> hanging.call("x")).isInstanceOf(UserLogicException.class));
    caller.start();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);

    SESSIONS.killAll();
    caller.join(5000);

    assertThat(caller.isAlive()).isFalse();
    awaitGone(Long.parseLong(Files.readString(pidFile).strip()));
  }

  /** Waits until process {@code pid} no longer runs. */
  static void awaitGone(long pid) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
  }

  /**
   * Commands of sessions made for a folder run there, find a relative entrypoint there, see the
   * variables given on top of the process's own, and have the paths they name mapped, as a hosted
   * CPA's commands do; messages keep the paths as configured.
   */
  @Test
  void sessionsForAFolderRunCommandsThereWithTheirVariablesAndPaths() throws Exception {
    Path metric = dir.resolve("bin/metric.sh");
    Files.createDirectories(metric.getParent());
    Files.writeString(
        metric, "#!/bin/sh\nprintf '%s %s %s ' \"$(pwd)\" \"$numPods\" \"$PATH\"; cat \"$1\"\n");
    Files.setPosixFilePermissions(metric, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("data.txt"), "from the mount");
    UnaryOperator<String> podPaths =
        word -> word.startsWith("/logic/") ? dir.resolve(word.substring(7)).toString() : word;
    ProcessSessions hosted = SESSIONS.in(dir, Map.of("numPods", "3"), podPaths);

    String output = shellIn(hosted, "bin/metric.sh", "/logic/data.txt").call("{}");
    assertThat(output)
        .isEqualTo(dir.toRealPath() + " 3 " + System.getenv("PATH") + " from the mount");
    assertThat(shellIn(hosted, "/logic/bin/metric.sh", "/logic/data.txt").call("{}"))
        .as("an absolute entrypoint in the mount")
        .isEqualTo(output);
    assertThatThrownBy(() -> shellIn(hosted, "/logic/bin/missing.sh").call("{}"))
        .hasMessage("entrypoint '/logic/bin/missing.sh' not found or not executable");
    assertThatThrownBy(() -> shellIn(SESSIONS, "bin/metric.sh").call("{}"))
        .as("the process's own folder has no bin/metric.sh")
        .hasMessageContaining("not found or not executable");
  }

  private static ShellMethod shellIn(ProcessSessions sessions, String entrypoint, String... args) {
    return new ShellMethod(
        "metric",
        new ShellMethodConfig(Duration.ofSeconds(10), entrypoint, List.of(args), false),
        sessions,
        IO,
        ONE_MIB);
  }

  private static ShellMethod sh(int timeoutMillis, String script, String... args) {
    return sh(timeoutMillis, script, ONE_MIB, args);
  }

  private static ShellMethod sh(
      int timeoutMillis, String script, int maxOutputBytes, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("-c", script));
    command.addAll(List.of(args));
    return new ShellMethod(
        "metric",
        new ShellMethodConfig(Duration.ofMillis(timeoutMillis), "/bin/sh", command, false),
        SESSIONS,
        IO,
        maxOutputBytes);
  }
}
