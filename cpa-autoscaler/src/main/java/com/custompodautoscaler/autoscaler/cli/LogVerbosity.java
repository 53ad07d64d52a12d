package com.custompodautoscaler.autoscaler.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps CPA v2's {@code logVerbosity} onto log levels of this project's loggers: 0 logs decisions
 * and run summaries (INFO), 1 and 2 add the steps of each run (DEBUG), 3 and 4 add the documents,
 * hook answers and every command and request (TRACE).
 */
public final class LogVerbosity {

  private static final String PROJECT_LOGGER = "com.custompodautoscaler";

  private LogVerbosity() {}

  public static void apply(int verbosity) {
    if (LoggerFactory.getLogger(PROJECT_LOGGER) instanceof Logger logger) {
      logger.setLevel(levelFor(verbosity));
    }
  }

  static Level levelFor(int verbosity) {
    if (verbosity <= 0) {
      return Level.INFO;
    }
    return verbosity <= 2 ? Level.DEBUG : Level.TRACE;
  }
}
