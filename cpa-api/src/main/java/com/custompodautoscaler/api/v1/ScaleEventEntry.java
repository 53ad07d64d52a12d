package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One rescale the {@code behavior}'s rate policies still count, kept so that restarts keep it:
 * when, and how many replicas it added or removed.
 */
@JsonPropertyOrder({"time", "replicaChange"})
public class ScaleEventEntry {

  private String time;
  private Integer replicaChange;

  public ScaleEventEntry() {}

  public ScaleEventEntry(String time, Integer replicaChange) {
    this.time = time;
    this.replicaChange = replicaChange;
  }

  /** When the rescale was applied, RFC 3339 with fractions of a second. */
  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  /** How many replicas the rescale added (in scaleUpEvents) or removed (in scaleDownEvents). */
  public Integer getReplicaChange() {
    return replicaChange;
  }

  public void setReplicaChange(Integer replicaChange) {
    this.replicaChange = replicaChange;
  }
}
