package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One recommendation inside the downscale stabilization window, kept so that restarts keep it. */
@JsonPropertyOrder({"time", "replicas"})
public class StabilizationEntry {

  private String time;
  private Integer replicas;

  public StabilizationEntry() {}

  public StabilizationEntry(String time, Integer replicas) {
    this.time = time;
    this.replicas = replicas;
  }

  /** When the recommendation was made, RFC 3339 with fractions of a second. */
  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }
}
