package com.custompodautoscaler.pipeline.config;

/**
 * How an environment variable named like a top-level key is turned into a value, as CPA v2 does.
 */
enum EnvParsing {
  /** The raw string, unparsed ({@code namespace}, {@code runMode}). */
  RAW_STRING,
  /** A base-10 integer ({@code interval}, {@code downscaleStabilization}). */
  BASE10_INTEGER,
  /** A YAML or JSON value; an object merges onto the value loaded so far. */
  YAML
}
