package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.Conditions;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerSpec;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.PauseRequest;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.api.v1.StatusApply;
import com.custompodautoscaler.operator.model.AutoscalerDeploymentFactory;
import com.custompodautoscaler.operator.model.AutoscalerWorkload;
import com.custompodautoscaler.operator.model.HostAccount;
import com.custompodautoscaler.operator.model.HostGrantFactory;
import com.custompodautoscaler.operator.model.HostedWorkload;
import com.custompodautoscaler.operator.model.Provisioning;
import com.custompodautoscaler.operator.model.RoleBindingFactory;
import com.custompodautoscaler.operator.model.RoleFactory;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.operator.model.ServiceAccountFactory;
import com.custompodautoscaler.operator.model.TargetResource;
import com.custompodautoscaler.operator.model.UserRoleRules;
import com.custompodautoscaler.operator.model.UserWorkloads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a CustomPodAutoscaler into a running autoscaler: its ServiceAccount, least-privilege Role,
 * RoleBinding and Deployment, each applied as desired on every reconciliation (so edits to the CPA
 * reach them and deleted ones come back), unless the CPA leaves that object to its user. Deletes
 * the bare Pod the Go operator may have left for the CPA. A hosted CPA gets no Deployment but a
 * grant that lets the autoscaler host impersonate its account. Also pauses and resumes the
 * autoscaler, and reports in the status's {@code Ready} and {@code Paused} conditions.
 */
@ControllerConfiguration(
    name = "custompodautoscaler",
    fieldManager = Provisioning.FIELD_MANAGER,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = ReconcileTrigger.class))
public final class CustomPodAutoscalerReconciler implements Reconciler<CustomPodAutoscaler> {

  private static final Duration RECHECK_WHILE_NOT_READY = Duration.ofSeconds(30);

  private final Clock clock;
  private final ReconcileObserver observer;
  private final RoleRuleAllowList roleRulesAllowed;
  private final OperatorEvents events;
  private final GoOperatorTakeOver takeOver;
  private final Optional<HostAccount> host;

  public CustomPodAutoscalerReconciler(
      KubernetesClient client,
      Clock clock,
      ReconcileObserver observer,
      RoleRuleAllowList roleRulesAllowed,
      Optional<HostAccount> host) {
    this.clock = clock;
    this.observer = observer;
    this.roleRulesAllowed = roleRulesAllowed;
    this.host = host;
    this.events = new OperatorEvents(client, clock);
    this.takeOver = new GoOperatorTakeOver(events);
  }

  @Override
  public List<EventSource<?, CustomPodAutoscaler>> prepareEventSources(
      EventSourceContext<CustomPodAutoscaler> context) {
    return List.of(
        owned(ServiceAccount.class, context),
        owned(Role.class, context),
        owned(RoleBinding.class, context),
        owned(Deployment.class, context));
  }

  /** Watches the objects of a kind the operator provisions, so that changes to them reconcile. */
  private static <R extends HasMetadata> EventSource<?, CustomPodAutoscaler> owned(
      Class<R> kind, EventSourceContext<CustomPodAutoscaler> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(kind, CustomPodAutoscaler.class)
            .withLabelSelector(Provisioning.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(CustomPodAutoscaler.class))
            .build(),
        context);
  }

  @Override
  public UpdateControl<CustomPodAutoscaler> reconcile(
      CustomPodAutoscaler cpa, Context<CustomPodAutoscaler> context) {
    KubernetesClient client = context.getClient();
    CustomPodAutoscalerSpec spec = cpa.getSpec();
    PauseRequest pause = PauseRequest.from(cpa.getMetadata().getAnnotations());
    ProvisioningReport report = new ProvisioningReport();
    Optional<TargetResource> target = TargetDiscovery.resolve(client, spec.getScaleTargetRef());
    if (target.isEmpty()) {
      report.problem(
          "the target's kind "
              + spec.getScaleTargetRef().getKind()
              + " is not served in "
              + spec.getScaleTargetRef().getApiVersion());
    }
    Provisioner provisioner = new Provisioner(client, cpa, report, events);
    provision(provisioner, cpa, target, pause, report);
    if (!Boolean.TRUE.equals(spec.getHosted())) {
      takeBackHostGrant(provisioner, cpa, context);
    }
    if (!Boolean.FALSE.equals(spec.getProvisionPod())
        && !Boolean.TRUE.equals(spec.getHosted())
        && report.conflict().isEmpty()) {
      takeOver.removeLeftoverPods(client, cpa);
    }
    if (pause instanceof PauseRequest.Paused paused && target.isPresent()) {
      TargetScale.hold(client, cpa, target.get(), paused.replicas());
    }
    observer.reconciled(report.isReady());
    applyStatus(client, statusOf(cpa, report, pause));
    UpdateControl<CustomPodAutoscaler> control = UpdateControl.noUpdate();
    // A workload left to the user is not watched: look again while no autoscaler is ready.
    return report.isReady() && report.workload().ready()
        ? control
        : control.rescheduleAfter(RECHECK_WHILE_NOT_READY);
  }

  /**
   * The four objects, in order, each provisioned or, left to the user, looked for; the Role only
   * for a target the API server serves.
   */
  private void provision(
      Provisioner provisioner,
      CustomPodAutoscaler cpa,
      Optional<TargetResource> target,
      PauseRequest pause,
      ProvisioningReport report) {
    CustomPodAutoscalerSpec spec = cpa.getSpec();
    provisionOrFind(
        provisioner, spec.getProvisionServiceAccount(), ServiceAccountFactory.serviceAccount(cpa));
    boolean roleInPlace =
        target.map(resource -> provisionRole(provisioner, cpa, resource, report)).orElse(false);
    provisionRoleBinding(provisioner, cpa, roleInPlace, report);
    if (Boolean.TRUE.equals(spec.getHosted())) {
      provisionHostGrant(provisioner, cpa, report);
      // A CPA that had a pod of its own before it was hosted keeps its Deployment, scaled to none.
      provisioner.changeIfOwned(AutoscalerDeploymentFactory.deployment(cpa, 0));
      report.workload(HostedWorkload.of(cpa));
      return;
    }
    int replicas = pause instanceof PauseRequest.Paused ? 0 : 1;
    Deployment deployment = AutoscalerDeploymentFactory.deployment(cpa, replicas);
    Optional<HasMetadata> workload =
        Boolean.FALSE.equals(spec.getProvisionPod())
            ? provisioner.findLeftToUser(deployment, UserWorkloads.acceptedFor(cpa))
            : provisioner.provision(deployment);
    report.workload(
        workload
            .map(AutoscalerWorkload::of)
            .orElseGet(() -> AutoscalerWorkload.none(whyNoWorkload(cpa, report))));
  }

  /**
   * The RoleBinding, once the Role is there: the operator may bind a Role only as far as it holds
   * its rules, which Kubernetes checks against the Role itself.
   */
  private static void provisionRoleBinding(
      Provisioner provisioner,
      CustomPodAutoscaler cpa,
      boolean roleInPlace,
      ProvisioningReport report) {
    HasMetadata binding = RoleBindingFactory.roleBinding(cpa);
    if (Boolean.FALSE.equals(cpa.getSpec().getProvisionRoleBinding())) {
      provisioner.findLeftToUser(binding, List.of(binding));
    } else if (roleInPlace) {
      provisioner.provision(binding);
    } else {
      report.problem("the RoleBinding waits for the Role");
    }
  }

  /**
   * Deletes the grant that let the host impersonate the account of a CPA that is no longer hosted,
   * where the watch caches of the CPA's Roles and RoleBindings hold one: most CPAs never had one,
   * and their reconciliations ask the API server nothing for it.
   */
  private static void takeBackHostGrant(
      Provisioner provisioner, CustomPodAutoscaler cpa, Context<CustomPodAutoscaler> context) {
    String name = HostGrantFactory.name(cpa);
    for (Class<? extends HasMetadata> kind : List.of(RoleBinding.class, Role.class)) {
      context.getSecondaryResources(kind).stream()
          .filter(object -> object.getMetadata().getName().equals(name))
          .forEach(provisioner::removeIfOwned);
    }
  }

  /**
   * The grant that lets the host impersonate the CPA's account and read its ConfigMaps, when the
   * operator knows the host's account; the operator may write it only while it may do both itself.
   */
  private void provisionHostGrant(
      Provisioner provisioner, CustomPodAutoscaler cpa, ProvisioningReport report) {
    if (host.isEmpty()) {
      return;
    }
    Optional<HasMetadata> role =
        provisioner.provisionIfAllowed(
            HostGrantFactory.role(cpa),
            "the Role that lets the autoscaler host impersonate ServiceAccount "
                + cpa.getMetadata().getName()
                + " and read the ConfigMaps the CPA names",
            "The chart gives the operator impersonate on ServiceAccounts and read on ConfigMaps"
                + " with host.enabled");
    if (role.isPresent()) {
      provisioner.provision(HostGrantFactory.roleBinding(cpa, host.get()));
    }
  }

  private static void provisionOrFind(
      Provisioner provisioner, Boolean provisioned, HasMetadata desired) {
    if (Boolean.FALSE.equals(provisioned)) {
      provisioner.findLeftToUser(desired, List.of(desired));
    } else {
      provisioner.provision(desired);
    }
  }

  private static String whyNoWorkload(CustomPodAutoscaler cpa, ProvisioningReport report) {
    if (Boolean.FALSE.equals(cpa.getSpec().getProvisionPod())) {
      return "provisionPod is false and no autoscaler of yours was found";
    }
    return report
        .conflict()
        .map(conflict -> "its Deployment waits until " + conflict.object() + " is out of the way")
        .orElse("its Deployment is not provisioned");
  }

  /**
   * The Role, or a check that the user's exists; whether a Role of the CPA's name is there. A
   * provisioned Role only with valid {@code spec.roleRules}, else the Role in place stays as it is;
   * without them all when the allow-list refuses one.
   */
  private boolean provisionRole(
      Provisioner provisioner,
      CustomPodAutoscaler cpa,
      TargetResource target,
      ProvisioningReport report) {
    if (Boolean.FALSE.equals(cpa.getSpec().getProvisionRole())) {
      Role role = RoleFactory.role(cpa, target);
      return provisioner.findLeftToUser(role, List.of(role)).isPresent();
    }
    List<RoleRule> asked = cpa.getSpec().getRoleRules();
    List<String> problems = UserRoleRules.problems(asked);
    if (!problems.isEmpty()) {
      problems.forEach(report::problem);
      report.problem("the Role stays as it was until spec.roleRules is fixed");
      return provisioner.exists(RoleFactory.role(cpa, target));
    }
    List<String> refused = roleRulesAllowed.refusals(asked);
    if (!refused.isEmpty()) {
      report.roleRulesRefused(refused);
      events.warning(cpa, ProvisioningReport.ROLE_RULES_REFUSED, String.join("; ", refused));
    }
    List<RoleRule> added = refused.isEmpty() ? asked : List.of();
    boolean applied =
        provisioner
            .provisionIfAllowed(
                RoleFactory.role(cpa, target, added),
                "the Role",
                "It grants only what it holds itself: for a target whose kind the operator's"
                    + " chart does not list in targetResources, add the kind there")
            .isPresent();
    if (applied) {
      report.roleApplied(added.size());
    }
    return applied;
  }

  @Override
  public ErrorStatusUpdateControl<CustomPodAutoscaler> updateErrorStatus(
      CustomPodAutoscaler cpa, Context<CustomPodAutoscaler> context, Exception e) {
    observer.failed();
    ProvisioningReport report = new ProvisioningReport();
    report.problem("reconciliation failed: " + e.getMessage());
    applyStatus(
        context.getClient(),
        statusOf(cpa, report, PauseRequest.from(cpa.getMetadata().getAnnotations())));
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /**
   * Applies the operator's part of the status itself rather than through the SDK's status update.
   * The SDK takes the resource version its update returns as its own and drops the events up to it;
   * an apply that changes nothing returns the version of whoever wrote last, so a pause annotation
   * set while a reconciliation ran could be dropped with them. The status change this makes comes
   * back as an event that {@link ReconcileTrigger} leaves out.
   */
  private static void applyStatus(KubernetesClient client, CustomPodAutoscaler status) {
    StatusApply.apply(client, status, Provisioning.FIELD_MANAGER);
  }

  /**
   * The {@code spec.roleRules} in the Role in place: as just applied, else as last applied, and
   * none for a Role left to the user.
   */
  private static Integer addedRoleRules(CustomPodAutoscaler cpa, ProvisioningReport report) {
    if (Boolean.FALSE.equals(cpa.getSpec().getProvisionRole())) {
      return null;
    }
    return report
        .addedRoleRules()
        .orElse(cpa.getStatus() == null ? null : cpa.getStatus().getAddedRoleRules());
  }

  /** A CPA holding only the operator's part of the status, for server-side apply. */
  private CustomPodAutoscaler statusOf(
      CustomPodAutoscaler cpa, ProvisioningReport report, PauseRequest pause) {
    List<Condition> existing =
        cpa.getStatus() == null ? List.of() : cpa.getStatus().getConditions();
    List<Condition> conditions = new ArrayList<>();
    conditions.add(
        Conditions.condition(
            existing,
            "Ready",
            report.isReady(),
            report.reason(),
            report.message(),
            clock.instant()));
    conditions.add(PauseCondition.of(pause, report.workload(), existing, clock.instant()));
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();
    status.setObservedGeneration(cpa.getMetadata().getGeneration());
    status.setAddedRoleRules(addedRoleRules(cpa, report));
    status.setConditions(conditions);
    return StatusApply.patch(cpa.getMetadata().getNamespace(), cpa.getMetadata().getName(), status);
  }
}
