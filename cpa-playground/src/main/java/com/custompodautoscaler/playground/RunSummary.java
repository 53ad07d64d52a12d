package com.custompodautoscaler.playground;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run as the autoscaler's summary log line tells it ({@code run type=scaler target=...
 * current=3 evaluated=5 decided=5 reason=as_evaluated scaled=true duration_ms=42}), read back
 * through its stable keys.
 */
record RunSummary(boolean succeeded, Map<String, String> fields, String error) {

  private static final Pattern LINE = Pattern.compile(" RunLog (run failed|run) (.*)$");
  private static final Pattern FIELD = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

  RunSummary {
    fields = Map.copyOf(fields);
  }

  /** The summary in an autoscaler log line, if the line is one. */
  static Optional<RunSummary> parse(String logLine) {
    Matcher line = LINE.matcher(logLine);
    if (!line.find()) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(line.group(2));
    while (field.find()) {
      String value = field.group(2);
      fields.put(
          field.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
    }
    String error = fields.getOrDefault("error", "");
    return Optional.of(new RunSummary(line.group(1).equals("run"), fields, error));
  }

  Optional<String> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  boolean scaled() {
    return "true".equals(fields.get("scaled"));
  }
}
