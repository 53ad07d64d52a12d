package com.custompodautoscaler.pipeline.config;

import java.util.Set;

/** The HTTP statuses an HTTP method counts as success: a configured set, or any 2xx. */
public final class SuccessCodes {

  private final Set<Integer> codes;

  private SuccessCodes(Set<Integer> codes) {
    this.codes = codes;
  }

  /** Any status from 200 to 299, for a method that lists no codes. */
  public static SuccessCodes anyTwoHundred() {
    return new SuccessCodes(Set.of());
  }

  /** Exactly {@code codes}, which must not be empty. */
  public static SuccessCodes of(Set<Integer> codes) {
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("success codes must not be empty");
    }
    return new SuccessCodes(Set.copyOf(codes));
  }

  public boolean accepts(int status) {
    return codes.isEmpty() ? status >= 200 && status < 300 : codes.contains(status);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SuccessCodes that && codes.equals(that.codes);
  }

  @Override
  public int hashCode() {
    return codes.hashCode();
  }

  @Override
  public String toString() {
    return codes.isEmpty() ? "any 2xx" : codes.toString();
  }
}
