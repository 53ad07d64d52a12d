package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The autoscaler's last run as the CustomPodAutoscaler's status reports it. */
@JsonPropertyOrder({
  "time",
  "type",
  "outcome",
  "evaluation",
  "decidedReplicas",
  "reason",
  "message"
})
public class LastRun {

  private String time;
  private String type;
  private String outcome;
  private Integer evaluation;
  private Integer decidedReplicas;
  private String reason;
  private String message;

  /** When the run began, RFC 3339. */
  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  /** The run type: {@code scaler}, {@code api} or {@code api_dry_run}. */
  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  /** {@code success} or {@code failure}. */
  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  /** The replica count the evaluate stage asked for, before bounds and stabilization. */
  public Integer getEvaluation() {
    return evaluation;
  }

  public void setEvaluation(Integer evaluation) {
    this.evaluation = evaluation;
  }

  public Integer getDecidedReplicas() {
    return decidedReplicas;
  }

  public void setDecidedReplicas(Integer decidedReplicas) {
    this.decidedReplicas = decidedReplicas;
  }

  /** Why the decision landed where it did, for example {@code lowered_to_max}. */
  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  /** What failed, when the run failed. */
  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
