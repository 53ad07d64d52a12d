package com.custompodautoscaler.predict;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The replica counts a predictive autoscaler has seen, oldest first, to the second, bounded by how
 * many it keeps and how old they may be. Its text form is compact enough for a
 * CustomPodAutoscaler's status: about 4 characters an observation, so a week at 15 s (40,320) is
 * about 160 KB.
 */
public final class ReplicaHistory {

  private static final String FORMAT = "h1:";

  private final List<Observation> observations;

  /** Takes {@code observations}, oldest first, as its own. */
  private ReplicaHistory(List<Observation> observations) {
    this.observations = Collections.unmodifiableList(observations);
  }

  public static ReplicaHistory empty() {
    return new ReplicaHistory(new ArrayList<>());
  }

  /** Oldest first. */
  public List<Observation> observations() {
    return observations;
  }

  /** The newest {@code count} observations (all when there are fewer), oldest first. */
  public List<Observation> newest(int count) {
    return observations.subList(Math.max(0, observations.size() - count), observations.size());
  }

  /**
   * This history with {@code observation} added (to the second) after the others, then only the
   * newest {@code maxSize} kept, and none older than {@code maxAge} before it, when there is one.
   *
   * @throws IllegalArgumentException when {@code observation} is older than the newest kept
   */
  public ReplicaHistory with(Observation observation, int maxSize, Optional<Duration> maxAge) {
    Observation added =
        new Observation(
            Instant.ofEpochSecond(observation.time().getEpochSecond()), observation.replicas());
    if (!observations.isEmpty()
        && added.time().isBefore(observations.get(observations.size() - 1).time())) {
      throw new IllegalArgumentException(
          "an observation at "
              + added.time()
              + " comes before the newest kept, at "
              + observations.get(observations.size() - 1).time());
    }
    int fresh = maxAge.map(age -> firstNotBefore(added.time().minus(age))).orElse(0);
    int from = Math.max(fresh, observations.size() + 1 - maxSize);
    List<Observation> kept = new ArrayList<>(observations.size() - from + 1);
    kept.addAll(observations.subList(from, observations.size()));
    kept.add(added);
    return new ReplicaHistory(kept);
  }

  /**
   * The index of the first observation at or after {@code time}, the observations being in order.
   */
  private int firstNotBefore(Instant time) {
    int low = 0;
    int high = observations.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (observations.get(middle).time().isBefore(time)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * The text form: {@code h1:} and, in base64, the first time in epoch seconds, then for each
   * observation the seconds since the one before and its replicas, as unsigned variable-length
   * numbers.
   */
  public String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long previous = observations.isEmpty() ? 0 : observations.get(0).time().getEpochSecond();
    writeNumber(bytes, previous);
    for (Observation each : observations) {
      long time = each.time().getEpochSecond();
      writeNumber(bytes, time - previous);
      writeNumber(bytes, each.replicas());
      previous = time;
    }
    return FORMAT + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * The history {@code text} holds.
   *
   * @throws IllegalArgumentException when {@code text} is not a history's text form
   */
  public static ReplicaHistory decode(String text) {
    if (!text.startsWith(FORMAT)) {
      throw new IllegalArgumentException("a replica history starts with " + FORMAT);
    }
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text.substring(FORMAT.length())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a replica history is base64: " + e.getMessage(), e);
    }
    List<Observation> observations = new ArrayList<>();
    long time = readNumber(bytes);
    while (bytes.hasRemaining()) {
      time += readNumber(bytes);
      long replicas = readNumber(bytes);
      if (replicas > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("a replica history holds a count out of range");
      }
      observations.add(new Observation(Instant.ofEpochSecond(time), (int) replicas));
    }
    return new ReplicaHistory(observations);
  }

  private static void writeNumber(ByteArrayOutputStream bytes, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a replica history holds no negative numbers: " + value);
    }
    long rest = value;
    while (rest >= 0x80) {
      bytes.write((int) (rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.write((int) rest);
  }

  private static long readNumber(ByteBuffer bytes) {
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (!bytes.hasRemaining()) {
        throw new IllegalArgumentException("a replica history ends in the middle of a number");
      }
      int next = bytes.get() & 0xff;
      value |= (long) (next & 0x7f) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("a replica history holds a number out of range");
  }
}
