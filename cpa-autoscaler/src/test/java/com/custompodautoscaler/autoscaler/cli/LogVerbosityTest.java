package com.custompodautoscaler.autoscaler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;

class LogVerbosityTest {

  @Test
  void mapsCpaVerbosityToLogLevels() {
    assertThat(LogVerbosity.levelFor(0)).isEqualTo(Level.INFO);
    assertThat(LogVerbosity.levelFor(1)).isEqualTo(Level.DEBUG);
    assertThat(LogVerbosity.levelFor(2)).isEqualTo(Level.DEBUG);
    assertThat(LogVerbosity.levelFor(3)).isEqualTo(Level.TRACE);
    assertThat(LogVerbosity.levelFor(4)).isEqualTo(Level.TRACE);
    assertThat(LogVerbosity.levelFor(9)).isEqualTo(Level.TRACE);
  }
}
