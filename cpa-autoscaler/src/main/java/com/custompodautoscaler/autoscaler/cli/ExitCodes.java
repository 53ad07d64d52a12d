package com.custompodautoscaler.autoscaler.cli;

/** The exit codes of the command line. */
final class ExitCodes {

  static final int OK = 0;
  static final int INVALID_CONFIG = 1;
  static final int CANNOT_START = 2;
  static final int INVALID_INPUT = 3;

  private ExitCodes() {}
}
