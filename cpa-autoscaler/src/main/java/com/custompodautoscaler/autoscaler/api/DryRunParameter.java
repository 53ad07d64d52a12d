package com.custompodautoscaler.autoscaler.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code dry_run} query parameter, read as CPA v2 reads it: the first value counts; absent or
 * empty is false; otherwise it must be one of Go's boolean spellings.
 */
final class DryRunParameter {

  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private DryRunParameter() {}

  /** True or false, or empty when the value is not a boolean; {@code rawQuery} may be null. */
  static Optional<Boolean> parse(String rawQuery) {
    String value = firstValue(rawQuery);
    if (value.isEmpty() || FALSE.contains(value)) {
      return Optional.of(false);
    }
    return TRUE.contains(value) ? Optional.of(true) : Optional.empty();
  }

  /** The first {@code dry_run} value, decoded; empty when there is none. */
  static String firstValue(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("dry_run")) {
        return equals < 0
            ? ""
            : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
