package com.custompodautoscaler.pipeline.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known key an unknown one was probably meant to be. */
public final class KeySuggestion {

  private KeySuggestion() {}

  /** The closest of {@code known} to {@code unknown}, if any is close enough to be a typo. */
  public static Optional<String> closest(String unknown, Collection<String> known) {
    String lower = unknown.toLowerCase();
    return known.stream()
        .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase())))
        .filter(candidate -> isCloseEnough(lower, candidate.toLowerCase()));
  }

  private static boolean isCloseEnough(String unknown, String candidate) {
    int allowed = Math.max(2, candidate.length() / 3);
    return distance(unknown, candidate) <= allowed
        || candidate.startsWith(unknown)
        || unknown.startsWith(candidate);
  }

  /** Levenshtein distance: the fewest single-character edits that turn one word into the other. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
