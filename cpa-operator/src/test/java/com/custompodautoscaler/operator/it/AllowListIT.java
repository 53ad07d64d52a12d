package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.api.v1.ScaleTargetReference;
import com.custompodautoscaler.operator.CustomPodAutoscalerOperator;
import com.custompodautoscaler.operator.OperatorSettings;
import com.custompodautoscaler.operator.deploy.OperatorChart;
import com.custompodautoscaler.operator.model.RoleFactory;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.operator.model.TargetResource;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import com.custompodautoscaler.pipeline.testing.Workloads;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allow-list of {@code spec.roleRules} on a real API server, with no webhook: whoever creates
 * the CPA (here an administrator, who holds everything), the operator grants no rule outside the
 * cluster admin's allow-list. One operator runs with the default list, as installed; another, as
 * the chart installs it with a longer list, grants what that list has, with the permissions the
 * chart gives it for that.
 */
class AllowListIT {

  private static final String RELEASE = "wide-rules";
  private static final RoleRule READ_STATEFUL_SETS =
      new RoleRule(List.of("apps"), List.of("statefulsets"), List.of("get"));

  private static KubernetesClient admin;
  private static String defaults;
  private static String wide;
  private static CustomPodAutoscalerOperator byDefault;
  private static CustomPodAutoscalerOperator widened;

  @BeforeAll
  static void startTwoOperators() throws Exception {
    admin = SharedKubeApiServer.adminClient();
    OperatorTestSupport.installCrd(admin);
    defaults = SharedKubeApiServer.freshNamespace(admin, "defaults");
    wide = SharedKubeApiServer.freshNamespace(admin, "wide");
    byDefault = OperatorTestSupport.startOperator(OperatorTestSupport.settings(Set.of(defaults)));
    String home = SharedKubeApiServer.freshNamespace(admin, "wide-operator");
    List<Map<String, Object>> allowed =
        List.of(
            Map.of(
                "apiGroups", List.of("metrics.k8s.io"),
                "resources", List.of("*"),
                "verbs", List.of("get", "list", "watch")),
            Map.of(
                "apiGroups", List.of("apps"),
                "resources", List.of("statefulsets"),
                "verbs", List.of("get")));
    for (HasMetadata object :
        OperatorChart.objects(
            OperatorChart.render(
                RELEASE,
                home,
                Map.of(
                    "mode", "namespace",
                    "watchNamespaces", List.of(wide),
                    "roleRules", Map.of("allowed", allowed),
                    "webhook", Map.of("enabled", false, "port", 9443))))) {
      admin.resource(object).fieldManager("cpa-tests").forceConflicts().serverSideApply();
    }
    widened =
        CustomPodAutoscalerOperator.start(
            OperatorTestSupport.clientAs(home, RELEASE),
            new OperatorSettings(
                Set.of(wide),
                Optional.empty(),
                0,
                new RoleRuleAllowList(
                    List.of(
                        new RoleRuleAllowList.Entry(
                            List.of("metrics.k8s.io"),
                            List.of("*"),
                            List.of("get", "list", "watch")),
                        new RoleRuleAllowList.Entry(
                            List.of("apps"), List.of("statefulsets"), List.of("get")))),
                Optional.empty(),
                Optional.empty()));
  }

  @AfterAll
  static void stop() {
    byDefault.close();
    widened.close();
    admin.close();
  }

  static Stream<Arguments> outsideTheDefault() {
    return Stream.of(
        Arguments.of("everything", rule("*", "*", "*"), "grants * on * in API group *"),
        Arguments.of(
            "reading Secrets", rule("*", "secrets", "get"), "grants get on secrets in API group *"),
        Arguments.of(
            "writing Roles",
            rule("rbac.authorization.k8s.io", "roles", "create"),
            "grants create on roles in API group rbac.authorization.k8s.io"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsideTheDefault")
  void aRuleOutsideTheAllowListIsNotGrantedAndTheCpaSaysWhichAndWhere(
      String what, RoleRule rule, String refusal) {
    CustomPodAutoscaler cpa =
        create(defaults, "refused-" + what.replace(' ', '-').toLowerCase(), rule);
    String name = cpa.getMetadata().getName();

    CustomPodAutoscaler refused =
        OperatorTestSupport.awaitCondition(admin, defaults, name, "Ready", "False");
    assertThat(CpaConditions.condition(refused, "Ready").getReason()).isEqualTo("RoleRulesRefused");
    assertThat(CpaConditions.condition(refused, "Ready").getMessage())
        .contains("spec.roleRules[0] " + refusal)
        .contains("roleRules.allowed in the operator's chart")
        .contains("the Role holds the operator's own rules only");
    assertThat(refused.getStatus().getAddedRoleRules()).isZero();
    assertThat(admin.rbac().roles().inNamespace(defaults).withName(name).get().getRules())
        .as("the operator's own rules and nothing of spec.roleRules")
        .isEqualTo(
            RoleFactory.role(cpa, new TargetResource("apps", "deployments"), List.of()).getRules());
    assertThat(OperatorTestSupport.awaitEvent(admin, defaults, name, "RoleRulesRefused").getType())
        .isEqualTo("Warning");
  }

  @Test
  void aMetricsRuleWithinTheDefaultIsGranted() {
    create(defaults, "metered", rule("metrics.k8s.io", "pods", "list"));

    OperatorTestSupport.awaitReady(admin, defaults, "metered");
    assertThat(may(defaults, "metered", "metrics.k8s.io", "pods", "list")).isTrue();
  }

  @Test
  void aRuleOutsideTheDefaultIsGrantedOnlyWhereTheAdminsAllowListHasIt() {
    create(wide, "stateful", READ_STATEFUL_SETS);
    create(defaults, "stateful", READ_STATEFUL_SETS);

    OperatorTestSupport.awaitReady(admin, wide, "stateful");
    assertThat(may(wide, "stateful", "apps", "statefulsets", "get")).isTrue();
    OperatorTestSupport.awaitCondition(admin, defaults, "stateful", "Ready", "False");
    assertThat(may(defaults, "stateful", "apps", "statefulsets", "get")).isFalse();
  }

  @Test
  void aTargetOfAKindTheChartDoesNotListGetsNoRoleAndTheCpaSaysWhereToAddIt() {
    Workloads.installWidgetDefinition(admin);
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("gadgets", Map.of());
    cpa.getSpec()
        .setScaleTargetRef(
            new ScaleTargetReference(Workloads.WIDGET_API_VERSION, "Widget", "gadget"));
    admin.resource(cpa).inNamespace(defaults).create();

    CustomPodAutoscaler notReady =
        OperatorTestSupport.awaitCondition(admin, defaults, "gadgets", "Ready", "False");
    assertThat(CpaConditions.condition(notReady, "Ready").getMessage())
        .contains("the operator may not write the Role")
        .contains("add the kind there");
    assertThat(admin.rbac().roles().inNamespace(defaults).withName("gadgets").get()).isNull();
  }

  private static CustomPodAutoscaler create(String namespace, String name, RoleRule rule) {
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa(name, Map.of());
    cpa.getSpec().setRoleRules(List.of(rule));
    return admin.resource(cpa).inNamespace(namespace).create();
  }

  private static boolean may(
      String namespace, String cpa, String group, String resource, String verb) {
    return OperatorTestSupport.serviceAccountMay(
        admin,
        namespace,
        cpa,
        OperatorTestSupport.access(namespace, group, resource, "", verb, ""));
  }

  private static RoleRule rule(String group, String resource, String... verbs) {
    return new RoleRule(List.of(group), List.of(resource), List.of(verbs));
  }
}
