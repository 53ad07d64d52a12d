package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;

/** What a CustomPodAutoscaler asks for: the autoscaler's pod, its target, its configuration. */
@JsonPropertyOrder({
  "template",
  "scaleTargetRef",
  "config",
  "provisionRole",
  "provisionRoleBinding",
  "provisionServiceAccount",
  "provisionPod",
  "hosted",
  "roleRequiresMetricsServer",
  "roleRequiresArgoRollouts",
  "roleRules"
})
public class CustomPodAutoscalerSpec {

  @Required
  @SchemaFrom(type = PodTemplateSchema.class)
  private PodTemplateSpec template;

  @Required private ScaleTargetReference scaleTargetRef;
  private List<ConfigEntry> config = new ArrayList<>();

  @Default("true")
  private Boolean provisionRole = true;

  @Default("true")
  private Boolean provisionRoleBinding = true;

  @Default("true")
  private Boolean provisionServiceAccount = true;

  @Default("true")
  private Boolean provisionPod = true;

  @Default("false")
  private Boolean hosted = false;

  @Default("false")
  private Boolean roleRequiresMetricsServer = false;

  @Default("false")
  private Boolean roleRequiresArgoRollouts = false;

  private List<RoleRule> roleRules = new ArrayList<>();

  /** The autoscaler's pod template. */
  public PodTemplateSpec getTemplate() {
    return template;
  }

  public void setTemplate(PodTemplateSpec template) {
    this.template = template;
  }

  public ScaleTargetReference getScaleTargetRef() {
    return scaleTargetRef;
  }

  public void setScaleTargetRef(ScaleTargetReference scaleTargetRef) {
    this.scaleTargetRef = scaleTargetRef;
  }

  public List<ConfigEntry> getConfig() {
    return config;
  }

  public void setConfig(List<ConfigEntry> config) {
    this.config = config == null ? new ArrayList<>() : config;
  }

  public Boolean getProvisionRole() {
    return provisionRole;
  }

  public void setProvisionRole(Boolean provisionRole) {
    this.provisionRole = provisionRole;
  }

  public Boolean getProvisionRoleBinding() {
    return provisionRoleBinding;
  }

  public void setProvisionRoleBinding(Boolean provisionRoleBinding) {
    this.provisionRoleBinding = provisionRoleBinding;
  }

  public Boolean getProvisionServiceAccount() {
    return provisionServiceAccount;
  }

  public void setProvisionServiceAccount(Boolean provisionServiceAccount) {
    this.provisionServiceAccount = provisionServiceAccount;
  }

  public Boolean getProvisionPod() {
    return provisionPod;
  }

  public void setProvisionPod(Boolean provisionPod) {
    this.provisionPod = provisionPod;
  }

  /**
   * Whether a shared autoscaler host runs this CPA instead of a pod of its own ({@code false}, the
   * default). The operator still provisions its ServiceAccount, Role and RoleBinding; the host acts
   * as that ServiceAccount.
   */
  public Boolean getHosted() {
    return hosted;
  }

  public void setHosted(Boolean hosted) {
    this.hosted = hosted;
  }

  public Boolean getRoleRequiresMetricsServer() {
    return roleRequiresMetricsServer;
  }

  public void setRoleRequiresMetricsServer(Boolean roleRequiresMetricsServer) {
    this.roleRequiresMetricsServer = roleRequiresMetricsServer;
  }

  public Boolean getRoleRequiresArgoRollouts() {
    return roleRequiresArgoRollouts;
  }

  public void setRoleRequiresArgoRollouts(Boolean roleRequiresArgoRollouts) {
    this.roleRequiresArgoRollouts = roleRequiresArgoRollouts;
  }

  /** Rules added to the autoscaler's Role after the operator's own, for the user's logic. */
  public List<RoleRule> getRoleRules() {
    return roleRules;
  }

  public void setRoleRules(List<RoleRule> roleRules) {
    this.roleRules = roleRules == null ? new ArrayList<>() : roleRules;
  }
}
