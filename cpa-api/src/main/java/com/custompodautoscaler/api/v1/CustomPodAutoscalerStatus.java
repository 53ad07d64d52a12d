package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * What a CustomPodAutoscaler reports. The operator writes {@code observedGeneration}, {@code
 * addedRoleRules} and the {@code Ready} and {@code Paused} conditions; the autoscaler writes
 * everything else and the {@code AbleToScale}, {@code ScalingActive} and {@code ScalingLimited}
 * conditions. A host that runs the CPA writes {@code hostReplica} and the {@code Hosted} condition.
 * Each writes through server-side apply with its own field manager, so none overwrites another's
 * fields.
 */
@JsonPropertyOrder({
  "observedGeneration",
  "addedRoleRules",
  "conditions",
  "currentReplicas",
  "desiredReplicas",
  "lastScaleTime",
  "lastRun",
  "stabilizationWindow",
  "scaleUpEvents",
  "scaleDownEvents",
  "logicState",
  "hostReplica"
})
public class CustomPodAutoscalerStatus {

  private Long observedGeneration;
  private Integer addedRoleRules;
  private List<Condition> conditions;
  private Integer currentReplicas;
  private Integer desiredReplicas;
  private String lastScaleTime;
  private LastRun lastRun;
  private List<StabilizationEntry> stabilizationWindow;
  private List<ScaleEventEntry> scaleUpEvents;
  private List<ScaleEventEntry> scaleDownEvents;
  private String logicState;
  private String hostReplica;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  /**
   * How many rules of {@code spec.roleRules} the Role in place carries, as the operator last
   * applied it; absent when the Role is left to the user.
   */
  public Integer getAddedRoleRules() {
    return addedRoleRules;
  }

  public void setAddedRoleRules(Integer addedRoleRules) {
    this.addedRoleRules = addedRoleRules;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Integer getCurrentReplicas() {
    return currentReplicas;
  }

  public void setCurrentReplicas(Integer currentReplicas) {
    this.currentReplicas = currentReplicas;
  }

  public Integer getDesiredReplicas() {
    return desiredReplicas;
  }

  public void setDesiredReplicas(Integer desiredReplicas) {
    this.desiredReplicas = desiredReplicas;
  }

  /** When the autoscaler last changed the target's replicas, RFC 3339. */
  public String getLastScaleTime() {
    return lastScaleTime;
  }

  public void setLastScaleTime(String lastScaleTime) {
    this.lastScaleTime = lastScaleTime;
  }

  public LastRun getLastRun() {
    return lastRun;
  }

  public void setLastRun(LastRun lastRun) {
    this.lastRun = lastRun;
  }

  /** The recommendations of the stabilization windows, oldest first. */
  public List<StabilizationEntry> getStabilizationWindow() {
    return stabilizationWindow;
  }

  public void setStabilizationWindow(List<StabilizationEntry> stabilizationWindow) {
    this.stabilizationWindow = stabilizationWindow;
  }

  /** The scale-ups the {@code behavior}'s rate policies still count. */
  public List<ScaleEventEntry> getScaleUpEvents() {
    return scaleUpEvents;
  }

  public void setScaleUpEvents(List<ScaleEventEntry> scaleUpEvents) {
    this.scaleUpEvents = scaleUpEvents;
  }

  /** The scale-downs the {@code behavior}'s rate policies still count. */
  public List<ScaleEventEntry> getScaleDownEvents() {
    return scaleDownEvents;
  }

  public void setScaleDownEvents(List<ScaleEventEntry> scaleDownEvents) {
    this.scaleDownEvents = scaleDownEvents;
  }

  /**
   * The JSON the evaluate method asked to keep as its {@code state}, handed back to it in the next
   * run's input, so that it survives restarts and moves between host replicas.
   */
  public String getLogicState() {
    return logicState;
  }

  public void setLogicState(String logicState) {
    this.logicState = logicState;
  }

  /** The replica of the autoscaler host that runs this CPA, when a host runs it. */
  public String getHostReplica() {
    return hostReplica;
  }

  public void setHostReplica(String hostReplica) {
    this.hostReplica = hostReplica;
  }
}
