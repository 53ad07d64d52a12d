package com.custompodautoscaler.pipeline.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.custompodautoscaler.core.port.UserLogicException;
import com.custompodautoscaler.pipeline.config.JavaMethodConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaMethodTest {

  private static final ExecutorService CALLS = Executors.newCachedThreadPool();
  private static final int ONE_MIB = 1024 * 1024;

  @TempDir Path dir;

  @AfterAll
  static void stopCalls() {
    CALLS.shutdownNow();
  }

  /** Answers with the stage it was called for and the document. */
  public static final class Echo implements InProcessUserLogic {
    @Override
    public String call(String stage, String document) {
      return stage + ":" + document;
    }
  }

  /** Waits until interrupted, and says so. */
  public static final class Sleeper implements InProcessUserLogic {
    static final CountDownLatch INTERRUPTED = new CountDownLatch(1);

    @Override
    public String call(String stage, String document) throws InterruptedException {
      try {
        Thread.sleep(60_000);
        return "woke";
      } catch (InterruptedException e) {
        INTERRUPTED.countDown();
        throw e;
      }
    }
  }

  /** Spins, ignoring interrupts, until released. */
  public static final class Stubborn implements InProcessUserLogic {
    static final AtomicBoolean RELEASED = new AtomicBoolean();

    @Override
    public String call(String stage, String document) {
      while (!RELEASED.get()) {
        Thread.onSpinWait();
      }
      return "late";
    }
  }

  /** Fails every call. */
  public static final class Failing implements InProcessUserLogic {
    @Override
    public String call(String stage, String document) {
      throw new IllegalStateException("no metrics for " + document);
    }
  }

  /** Returns null. */
  public static final class ReturnsNull implements InProcessUserLogic {
    @Override
    public String call(String stage, String document) {
      return null;
    }
  }

  /** Not user logic at all. */
  public static final class NotLogic {}

  /** User logic that reads a variable of the CPA's. */
  public static final class ReadsItsVariables implements InProcessUserLogic {
    private final Map<String, String> environment;

    public ReadsItsVariables(Map<String, String> environment) {
      this.environment = environment;
    }

    public ReadsItsVariables() {
      this(Map.of());
    }

    @Override
    public String call(String stage, String document) {
      return environment.getOrDefault(document, "unset");
    }
  }

  @Test
  void aClassThatTakesTheCpasVariablesIsMadeWithThem() {
    JavaMethod method =
        new JavaMethod(
            "evaluate",
            config(ReadsItsVariables.class.getName(), List.of(), 5_000),
            CALLS,
            ONE_MIB,
            Map.of("tolerance", "0.2"),
            Clock.systemUTC());

    assertThat(method.call("tolerance")).isEqualTo("0.2");
  }

  /** User logic that tells the time by the autoscaler's clock. */
  public static final class ReadsTheClock implements InProcessUserLogic {
    private final Clock clock;

    public ReadsTheClock(Map<String, String> environment, Clock clock) {
      this.clock = clock;
    }

    public ReadsTheClock(Map<String, String> environment) {
      this(environment, Clock.systemUTC());
    }

    @Override
    public String call(String stage, String document) {
      return clock.instant().toString();
    }
  }

  @Test
  void aClassThatTakesAClockIsMadeWithTheAutoscalers() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    JavaMethod method =
        new JavaMethod(
            "evaluate",
            config(ReadsTheClock.class.getName(), List.of(), 5_000),
            CALLS,
            ONE_MIB,
            Map.of(),
            fixed);

    assertThat(method.call("")).isEqualTo("2026-01-01T00:00:00Z");
  }

  /** User logic that cannot be created. */
  public static final class NeedsArgument implements InProcessUserLogic {
    public NeedsArgument(String argument) {}

    @Override
    public String call(String stage, String document) {
      return "";
    }
  }

  @Test
  void callsTheClassWithTheStageAndTheDocumentAndReturnsItsAnswerVerbatim() {
    JavaMethod method = method("evaluate", Echo.class.getName(), List.of(), 5_000);

    assertThat(method.call("{\"a\":1}\n")).isEqualTo("evaluate:{\"a\":1}\n");
  }

  @Test
  void atTheTimeoutTheCallIsInterruptedAndTheMethodFails() throws Exception {
    JavaMethod method = method("metric", Sleeper.class.getName(), List.of(), 200);

    assertThatThrownBy(() -> method.call("{}"))
        .isInstanceOf(UserLogicException.class)
        .hasMessage(
            "class '"
                + Sleeper.class.getName()
                + "' timed out after 200 ms; the call was interrupted and abandoned");
    assertThat(Sleeper.INTERRUPTED.await(5, TimeUnit.SECONDS))
        .as("the call saw the interrupt")
        .isTrue();
  }

  @Test
  void aCallThatIgnoresTheInterruptIsAbandonedAndTheNextCallStillRuns() {
    JavaMethod stubborn = method("metric", Stubborn.class.getName(), List.of(), 100);
    JavaMethod echo = method("evaluate", Echo.class.getName(), List.of(), 1_000);
    try {
      long started = System.nanoTime();
      assertThatThrownBy(() -> stubborn.call("{}")).hasMessageContaining("timed out after 100 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("the caller did not wait for the abandoned call")
          .isLessThan(Duration.ofSeconds(5));

      assertThat(echo.call("next")).isEqualTo("evaluate:next");
    } finally {
      Stubborn.RELEASED.set(true);
    }
  }

  @Test
  void anExceptionFailsTheCallWithItsMessage() {
    JavaMethod method = method("metric", Failing.class.getName(), List.of(), 5_000);

    assertThatThrownBy(() -> method.call("pod-1"))
        .isInstanceOf(UserLogicException.class)
        .hasMessage(
            "class '"
                + Failing.class.getName()
                + "' failed: java.lang.IllegalStateException: no metrics for pod-1");
  }

  @Test
  void nullAndOversizedAnswersFailTheCall() {
    assertThatThrownBy(
            () -> method("metric", ReturnsNull.class.getName(), List.of(), 5_000).call(""))
        .hasMessageContaining("returned null");
    JavaMethod echo =
        new JavaMethod(
            "metric",
            config(Echo.class.getName(), List.of(), 5_000),
            CALLS,
            16,
            Map.of(),
            Clock.systemUTC());

    assertThatThrownBy(() -> echo.call("a document longer than the limit"))
        .hasMessageContaining("returned more than 16 bytes");
  }

  @Test
  void loadsAClassFromAClasspathEntryOutsideTheAutoscaler() throws Exception {
    Path classes =
        compile(
            "package ext; public class Doubler implements"
                + " com.custompodautoscaler.api.spi.InProcessUserLogic { public String call(String s,"
                + " String d) { return \"{\\\"targetReplicas\\\":\" + (2 * d.length()) + \"}\"; } }",
            "ext/Doubler.java");

    JavaMethod method = method("evaluate", "ext.Doubler", List.of(classes), 5_000);

    assertThat(method.call("abc")).isEqualTo("{\"targetReplicas\":6}");
  }

  @Test
  void aClassThatCannotBeFoundIsAStartUpErrorNamingTheKey() {
    assertThatThrownBy(() -> method("metric", "com.example.Missing", List.of(), 5_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("metric.java.className: cannot load class 'com.example.Missing'");
  }

  @Test
  void aMissingClasspathEntryIsAStartUpErrorNamingIt() {
    Path missing = dir.resolve("logic.jar");

    assertThatThrownBy(() -> method("evaluate", "x.Y", List.of(missing), 5_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("evaluate.java.classpath[0]: " + missing + " does not exist");
  }

  @Test
  void aClassThatIsNotUserLogicOrCannotBeCreatedIsAStartUpError() {
    assertThatThrownBy(() -> method("metric", NotLogic.class.getName(), List.of(), 5_000))
        .hasMessageEndingWith("does not implement " + InProcessUserLogic.class.getName());
    assertThatThrownBy(() -> method("metric", NeedsArgument.class.getName(), List.of(), 5_000))
        .hasMessageEndingWith(
            "needs a public constructor that takes a Map<String, String> (the CPA's variables) and"
                + " a Clock, a Map<String, String> alone, or nothing");
  }

  private Path compile(String source, String relativePath) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path file = sources.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status =
        compiler.run(
            null,
            null,
            null,
            "-cp",
            System.getProperty("java.class.path"),
            "-d",
            classes.toString(),
            file.toString());
    assertThat(status).as("the test class compiles").isZero();
    return classes;
  }

  private static JavaMethod method(
      String stage, String className, List<Path> classpath, long timeoutMillis) {
    return new JavaMethod(
        stage,
        config(className, classpath, timeoutMillis),
        CALLS,
        ONE_MIB,
        Map.of(),
        Clock.systemUTC());
  }

  private static JavaMethodConfig config(
      String className, List<Path> classpath, long timeoutMillis) {
    return new JavaMethodConfig(Duration.ofMillis(timeoutMillis), className, classpath);
  }
}
