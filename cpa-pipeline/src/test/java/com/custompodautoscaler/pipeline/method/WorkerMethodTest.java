package com.custompodautoscaler.pipeline.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.WorkerMethodConfig;
import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker method on real processes: a /bin/sh or python3 worker that reads a line per call and
 * answers a line, and every way it can go wrong (a hang, a crash mid-answer, two lines for one
 * call, a child left behind, too long an answer, a worker that dies at every start, a shutdown
 * during a call). Each must fail the call as the shell method would, kill the worker with its
 * session, and leave the next call a fresh worker, never a stale answer.
 */
class WorkerMethodTest {

  private static final ExecutorService IO = Executors.newCachedThreadPool();
  private static final ProcessSessions SESSIONS = ProcessSessions.forThisMachine();
  private static final int ONE_MIB = 1024 * 1024;

  /** Answers each line with "<pid>:<line>", so that tests can tell workers apart. */
  private static final String ECHO_WITH_PID = "while read line; do echo \"$$:$line\"; done";

  @TempDir Path dir;
  private final List<String> replacements = new CopyOnWriteArrayList<>();
  private final List<WorkerMethod> started = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    started.forEach(WorkerMethod::close);
  }

  @AfterAll
  static void stopIo() {
    IO.shutdownNow();
  }

  @Test
  void oneWorkerAnswersEveryCallWithOneLine() {
    WorkerMethod worker = sh(5000, 1, ECHO_WITH_PID);

    String first = worker.call("{\"a\":1}");
    String second = worker.call("{\"a\":2}");

    assertThat(first).endsWith(":{\"a\":1}");
    assertThat(second).endsWith(":{\"a\":2}");
    assertThat(pidOf(first)).as("the same worker").isEqualTo(pidOf(second));
    assertThat(replacements).isEmpty();
  }

  @Test
  void aDocumentWithLineBreaksTravelsAsOneLine() {
    WorkerMethod worker = sh(5000, 1, ECHO_WITH_PID);

    String answer = worker.call("{\n  \"resource\": {\"name\": \"web\"}\n}");

    assertThat(answer).endsWith(":{   \"resource\": {\"name\": \"web\"} }");
  }

  @Test
  void anErrorAnswerFailsTheCallAndTheWorkerGoesOn() {
    WorkerMethod worker =
        sh(
            5000,
            1,
            "while read line; do case $line in bad*) echo '{\"error\": \"no such queue\"}';;"
                + " *) echo \"$$:$line\";; esac; done");

    String before = worker.call("good");
    assertThatThrownBy(() -> worker.call("bad"))
        .isInstanceOf(UserLogicException.class)
        .hasMessageEndingWith("answered an error: no such queue");
    String after = worker.call("good");

    assertThat(pidOf(after)).as("the worker was kept").isEqualTo(pidOf(before));
    assertThat(replacements).isEmpty();
  }

  @Test
  void aHangingWorkerTimesOutIsKilledAndReplaced() throws Exception {
    String script =
        "while read line; do case $line in hang) sleep 300;; *) echo \"$$:$line\";; esac; done";
    WorkerMethod worker = sh(2000, 1, script);
    String before = worker.call("x");

    assertThatThrownBy(() -> worker.call("hang"))
        .hasMessage(
            "worker entrypoint '/bin/sh', command '[-c " + script + "]' timed out after 2000 ms");
    String after = worker.call("y");

    assertThat(pidOf(after)).as("a fresh worker").isNotEqualTo(pidOf(before));
    ShellMethodTest.awaitGone(Long.parseLong(pidOf(before)));
    assertThat(replacements).containsExactly("metric:timeout");
  }

  @Test
  void aWorkerThatCrashesMidAnswerFailsTheCallWithItsStatusAndStderr() {
    WorkerMethod worker =
        sh(5000, 1, "read line; printf 'half an ans'; echo 'giving up' >&2; exit 7");

    assertThatThrownBy(() -> worker.call("x"))
        .hasMessageEndingWith("exited before it answered; exit status 7; stderr: giving up");
    assertThat(replacements).containsExactly("metric:exited");
  }

  /** Both lines in one write, as a program that prints two lines and flushes writes them. */
  @Test
  void twoLinesForOneCallFailItAndTheNextCallGetsAFreshWorker() {
    String program =
        String.join(
            "\n",
            "import os, sys",
            "for line in sys.stdin:",
            "    pid = os.getpid()",
            "    extra = '%d:again\\n' % pid if line.strip() == 'x' else ''",
            "    sys.stdout.write('%d:%s\\n%s' % (pid, line.strip(), extra))",
            "    sys.stdout.flush()");
    WorkerMethod worker =
        started(
            new WorkerMethodConfig(
                Duration.ofSeconds(5), "python3", List.of("-c", program), 1, false),
            ONE_MIB);

    String first = answerOrFailure(worker, "x");
    String second = answerOrFailure(worker, "y");

    assertThat(first).endsWith("answered one call with more than one line");
    assertThat(second).as("a fresh worker's answer, not the stale line").endsWith(":y");
    assertThat(replacements).containsExactly("metric:extra_output");
  }

  private static String answerOrFailure(WorkerMethod worker, String document) {
    try {
      return worker.call(document);
    } catch (UserLogicException e) {
      return e.getMessage();
    }
  }

  @Test
  void aLineWrittenAfterTheAnswerIsNeverTakenAsTheNextAnswer() throws Exception {
    WorkerMethod worker =
        sh(5000, 1, "while read line; do echo \"$$:$line\"; sleep 0.2; echo \"$$:late\"; done");
    String first = worker.call("x");
    TimeUnit.MILLISECONDS.sleep(600);

    String second = worker.call("y");

    assertThat(first).endsWith(":x");
    assertThat(second).endsWith(":y").doesNotContain("late");
    assertThat(pidOf(second))
        .as("the worker that wrote too much was replaced")
        .isNotEqualTo(pidOf(first));
    assertThat(replacements).containsExactly("metric:extra_output");
  }

  @Test
  void aChildTheWorkerLeftBehindIsKilledWithIt() throws Exception {
    Path childPid = dir.resolve("child.pid");
    WorkerMethod worker =
        sh(
            300,
            1,
            "sleep 300 > /dev/null 2>&1 < /dev/null & echo $! > "
                + childPid
                + "; while read line; do sleep 300; done");

    assertThatThrownBy(() -> worker.call("x")).hasMessageContaining("timed out");

    ShellMethodTest.awaitGone(Long.parseLong(Files.readString(childPid).strip()));
  }

  @Test
  void tooLongAnAnswerIsAnOverflowAndEndsTheWorker() {
    WorkerMethod worker =
        sh(5000, 1, 1024, "while read line; do head -c 5000 /dev/zero | tr '\\0' 'a'; echo; done");

    assertThatThrownBy(() -> worker.call("x"))
        .hasMessageEndingWith("wrote more than 1024 bytes to stdout (maxOutputBytes)");
    assertThat(replacements).containsExactly("metric:overflow");
  }

  @Test
  void aWorkerThatDiesAtEveryStartBacksOffAndSaysSo() {
    WorkerMethod worker = sh(5000, 1, "echo 'cannot load the model' >&2; exit 3");

    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      try {
        worker.call("x");
      } catch (UserLogicException e) {
        messages.add(e.getMessage());
      }
    }

    assertThat(messages).hasSize(4);
    assertThat(messages.get(0)).contains("exit status 3").contains("cannot load the model");
    assertThat(replacements).allMatch(reason -> reason.equals("metric:exited"));
    assertThat(WorkerSlot.backoff(1)).isZero();
    assertThat(WorkerSlot.backoff(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(WorkerSlot.backoff(4)).isEqualTo(Duration.ofMillis(400));
    assertThat(WorkerSlot.backoff(40)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aBackoffLongerThanTheTimeoutFailsTheCallAtOnce() {
    WorkerMethod worker = sh(50, 1, "exit 3");
    for (int i = 0; i < 4; i++) {
      try {
        worker.call("x");
      } catch (UserLogicException e) {
        // Each start fails; the backoff grows.
      }
    }

    long started = System.nanoTime();
    assertThatThrownBy(() -> worker.call("x"))
        .hasMessageContaining("times in a row; the next start is in");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(50));
  }

  @Test
  void processesServeCallsInParallelOneCallEach() throws Exception {
    WorkerMethod worker = sh(5000, 3, "while read line; do sleep 0.3; echo \"$$:$line\"; done");
    Set<String> pids = ConcurrentHashMap.newKeySet();

    long started = System.nanoTime();
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String document = "call" + i;
      calls.add(CompletableFuture.supplyAsync(() -> worker.call(document), IO));
    }
    for (CompletableFuture<String> call : calls) {
      pids.add(pidOf(call.get(5, TimeUnit.SECONDS)));
    }

    assertThat(pids).as("three workers").hasSize(3);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("in parallel, not one after another")
        .isLessThan(Duration.ofMillis(850));
  }

  @Test
  void closingDuringACallKillsTheWorkerAndFailsTheCall() throws Exception {
    Path pidFile = dir.resolve("worker.pid");
    WorkerMethod worker =
        sh(10_000, 1, "echo $$ > " + pidFile + "; while read line; do sleep 300; done");
    CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> worker.call("x"), IO);
    awaitFile(pidFile);

    worker.close();

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(UserLogicException.class);
    ShellMethodTest.awaitGone(Long.parseLong(Files.readString(pidFile).strip()));
    assertThatThrownBy(() -> worker.call("y")).hasMessageContaining("shutting down");
    assertThat(replacements).as("a shutdown is not a failure to count").isEmpty();
  }

  @Test
  void thePythonHelperServesAFunctionAsAWorker() {
    String helper = ProjectFiles.resolve("deploy/python").toString();
    String program =
        String.join(
            "\n",
            "import os, sys",
            "sys.path.insert(0, '" + helper + "')",
            "import cpa_worker",
            "def evaluate(spec):",
            "    if spec['n'] < 0:",
            "        raise ValueError('n is negative')",
            "    return {'targetReplicas': spec['n'] * 2, 'worker': os.getpid()}",
            "cpa_worker.serve(evaluate)");
    WorkerMethod worker =
        started(
            new WorkerMethodConfig(
                Duration.ofSeconds(10), "python3", List.of("-c", program), 1, false),
            ONE_MIB);

    String first = worker.call("{\"n\": 3}");
    assertThatThrownBy(() -> worker.call("{\"n\": -1}"))
        .hasMessageEndingWith("answered an error: ValueError: n is negative");
    String second = worker.call("{\n  \"n\": 4\n}");

    assertThat(first).startsWith("{\"targetReplicas\": 6, \"worker\": ");
    assertThat(second).startsWith("{\"targetReplicas\": 8, \"worker\": ");
    assertThat(second.substring(second.lastIndexOf(' ')))
        .isEqualTo(first.substring(first.lastIndexOf(' ')));
    assertThat(replacements).isEmpty();
  }

  private static void awaitFile(Path file) throws InterruptedException {
    for (int i = 0; i < 100 && !Files.exists(file); i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private static String pidOf(String answer) {
    return answer.substring(0, answer.indexOf(':'));
  }

  private WorkerMethod sh(int timeoutMillis, int processes, String script) {
    return sh(timeoutMillis, processes, ONE_MIB, script);
  }

  private WorkerMethod sh(int timeoutMillis, int processes, int maxOutputBytes, String script) {
    return started(
        new WorkerMethodConfig(
            Duration.ofMillis(timeoutMillis), "/bin/sh", List.of("-c", script), processes, false),
        maxOutputBytes);
  }

  private WorkerMethod started(WorkerMethodConfig config, int maxOutputBytes) {
    WorkerMethod worker =
        new WorkerMethod(
            "metric",
            config,
            SESSIONS,
            IO,
            maxOutputBytes,
            (stage, reason) -> replacements.add(stage + ":" + reason));
    started.add(worker);
    return worker;
  }
}
