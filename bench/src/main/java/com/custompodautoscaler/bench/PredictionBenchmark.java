package com.custompodautoscaler.bench;

import com.custompodautoscaler.predict.HoltWinters;
import com.custompodautoscaler.predict.HoltWinters.Component;
import com.custompodautoscaler.predict.HoltWinters.Initialization;
import com.custompodautoscaler.predict.LinearRegression;
import com.custompodautoscaler.predict.Observation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fit and forecast over four daily seasons at 15 s (23,040 observations, a season of 5,760), in
 * process in Java, side by side with the Predictive HPA's way: a Python process per model per sync
 * that imports statsmodels and fits there (Debian's python3-statsmodels; skipped, and said so,
 * without it). Holt-Winters additive in trend and season with statsmodels' default {@code
 * estimated} start, and linear regression over the same observations. Java: 20 untimed calls, then
 * 100 timed; Python: 1 untimed process, then 10 timed, start to exit. Both forecast the same
 * series; the difference between their forecasts is printed too.
 */
final class PredictionBenchmark implements Bench {

  private static final int SEASON = 5_760;
  private static final int OBSERVATIONS = 4 * SEASON;
  private static final int WARMUP = 20;
  private static final int CALLS = 100;
  private static final int PYTHON_CALLS = 10;
  private static final HoltWinters MODEL =
      new HoltWinters(
          Component.ADD,
          Component.ADD,
          SEASON,
          0.9,
          0.9,
          0.3,
          OptionalDouble.empty(),
          Initialization.ESTIMATED,
          Optional.empty());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "prediction";
  }

  @Override
  public void run(BenchContext context, PrintStream out) throws Exception {
    double[] series = dailyLoad();
    List<Observation> history = new ArrayList<>();
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    for (int i = 0; i < series.length; i++) {
      history.add(new Observation(start.plusSeconds(15L * i), (int) series[i]));
    }
    Instant next = start.plusSeconds(15L * series.length);
    double javaForecast = MODEL.forecast(series, 1)[0];
    Stats holtWinters = timed(() -> MODEL.forecast(series, 1));
    Stats linear = timed(() -> LinearRegression.forecast(history, next));
    out.printf(
        "%d observations, season %d, Holt-Winters additive/additive, estimated start%n",
        OBSERVATIONS, SEASON);
    out.println("Java Holt-Winters fit+forecast:        " + holtWinters.describe());
    out.println("Java linear regression fit+forecast:   " + linear.describe());
    out.printf(
        "goal: at most 50 ms per fit and forecast: Holt-Winters %s, linear regression %s%n",
        holtWinters.median() <= 50 ? "met" : "missed", linear.median() <= 50 ? "met" : "missed");
    if (!statsmodelsInstalled()) {
      out.println(
          "Python with statsmodels: skipped, /usr/bin/python3 cannot import statsmodels"
              + " (apt-get install python3-statsmodels)");
      return;
    }
    Path script = context.workDir().resolve("statsmodels_forecast.py");
    try (InputStream in = getClass().getResourceAsStream("/prediction/statsmodels_forecast.py")) {
      Files.copy(in, script);
    }
    String request =
        JSON.writeValueAsString(
            Map.of(
                "series",
                series,
                "trend",
                "add",
                "seasonal",
                "add",
                "seasonalPeriods",
                SEASON,
                "alpha",
                MODEL.alpha(),
                "beta",
                MODEL.beta(),
                "gamma",
                MODEL.gamma()));
    List<String> command = List.of(BenchProcesses.python(), script.toString());
    BenchProcesses.bareSpawn(command, request);
    List<Long> processes = new ArrayList<>();
    List<Long> imports = new ArrayList<>();
    List<Long> fits = new ArrayList<>();
    JsonNode answer = null;
    for (int i = 0; i < PYTHON_CALLS; i++) {
      long began = System.nanoTime();
      answer = JSON.readTree(BenchProcesses.bareSpawn(command, request));
      processes.add(System.nanoTime() - began);
      imports.add((long) (answer.get("importMillis").asDouble() * 1e6));
      fits.add((long) (answer.get("fitMillis").asDouble() * 1e6));
    }
    Stats python = Stats.ofNanos(processes);
    out.println("Python process per forecast (" + command.get(0) + "): " + python.describe());
    out.println("  of which importing statsmodels:     " + Stats.ofNanos(imports).describe());
    out.println("  of which the fit and forecast:      " + Stats.ofNanos(fits).describe());
    out.printf(
        "ratio of medians, Python process / Java: %.0f; fit alone / Java: %.1f%n",
        python.median() / holtWinters.median(),
        Stats.ofNanos(fits).median() / holtWinters.median());
    out.printf(
        "forecasts: Java %.12f, statsmodels %.12f, difference %.2e%n",
        javaForecast,
        answer.get("forecast").asDouble(),
        Math.abs(javaForecast - answer.get("forecast").asDouble()));
  }

  private static Stats timed(Runnable call) {
    for (int i = 0; i < WARMUP; i++) {
      call.run();
    }
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long began = System.nanoTime();
      call.run();
      nanos.add(System.nanoTime() - began);
    }
    return Stats.ofNanos(nanos);
  }

  /**
   * Replicas over four days at 15 s: a daily wave from 4 to 20, a slow rise, and noise of up to one
   * replica either way, from a fixed seed.
   */
  private static double[] dailyLoad() {
    double[] series = new double[OBSERVATIONS];
    long state = 42;
    for (int i = 0; i < OBSERVATIONS; i++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      double noise = ((state >>> 11) / (double) (1L << 53)) * 2 - 1;
      double wave = 12 - 8 * Math.cos(2 * Math.PI * i / SEASON);
      series[i] = Math.max(1, Math.round(wave + 0.0001 * i + noise));
    }
    return series;
  }

  private static boolean statsmodelsInstalled() throws Exception {
    Process probe =
        new ProcessBuilder(BenchProcesses.python(), "-c", "import statsmodels")
            .redirectErrorStream(true)
            .start();
    probe.getInputStream().readAllBytes();
    return probe.waitFor() == 0;
  }
}
