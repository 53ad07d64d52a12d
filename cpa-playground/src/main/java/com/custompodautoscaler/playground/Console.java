package com.custompodautoscaler.playground;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the playground prints: one line per event, with the time. */
final class Console {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintStream out;
  private final String label;

  Console(PrintStream out) {
    this(out, "");
  }

  private Console(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  /** This console, its events marked as those of {@code name}, when two autoscalers print. */
  Console labelled(String name) {
    return new Console(out, "[" + name + "] ");
  }

  PrintStream stream() {
    return out;
  }

  void info(String message) {
    out.println(message);
  }

  void event(String message) {
    out.println(LocalTime.now().format(TIME) + "  " + label + message);
  }

  /** A run's decision: current, evaluated, decided, reason; or why it failed. */
  void run(RunSummary run) {
    if (!run.succeeded()) {
      event("run failed: " + run.error());
      return;
    }
    String current = run.field("current").orElse("?");
    String decided = run.field("decided").orElse("?");
    String change = run.scaled() ? "scaled " + current + " -> " + decided : "kept   " + current;
    event(
        String.format(
            "%-18s evaluated %s, decided %s (%s)",
            change, run.field("evaluated").orElse("?"), decided, run.field("reason").orElse("?")));
  }
}
