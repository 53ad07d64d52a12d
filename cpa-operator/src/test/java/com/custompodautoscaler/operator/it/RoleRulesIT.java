package com.custompodautoscaler.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.RoleRule;
import com.custompodautoscaler.operator.OperatorSettings;
import com.custompodautoscaler.operator.model.RoleRuleAllowList;
import com.custompodautoscaler.pipeline.testing.CpaConditions;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code spec.roleRules} on a real API server: what a rule grants, the ServiceAccount may do; an
 * invalid rule is refused by the CRD's schema, or, where the schema cannot tell, reported by the
 * operator, which then leaves the Role as it was.
 */
class RoleRulesIT {

  /**
   * An operator whose allow-list has reading StatefulSets besides the metrics APIs; its installed
   * account holds that already (StatefulSets are in the chart's targetResources).
   */
  @RegisterExtension
  static final InProcessOperator OPERATOR =
      new InProcessOperator(
          new OperatorSettings(
              Set.of(),
              Optional.empty(),
              0,
              new RoleRuleAllowList(
                  List.of(
                      new RoleRuleAllowList.Entry(
                          List.of("external.metrics.k8s.io"), List.of("*"), List.of("get", "list")),
                      new RoleRuleAllowList.Entry(
                          List.of("apps"), List.of("statefulsets"), List.of("get")))),
              Optional.empty(),
              Optional.empty()));

  @Test
  void theServiceAccountMayDoWhatTheAddedRulesGrantAndNoMore() {
    String namespace = SharedKubeApiServer.freshNamespace(OPERATOR.admin(), "rules");
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa("ruled", Map.of());
    cpa.getSpec().setRoleRules(List.of(databaseReader(), externalMetricsReader()));
    OPERATOR.admin().resource(cpa).inNamespace(namespace).create();

    CustomPodAutoscaler ready =
        OperatorTestSupport.awaitReady(OPERATOR.admin(), namespace, "ruled");

    assertThat(CpaConditions.condition(ready, "Ready").getMessage())
        .contains("Role (with 2 rules from spec.roleRules)");
    assertThat(ready.getStatus().getAddedRoleRules()).isEqualTo(2);
    assertThat(may(namespace, "ruled", "apps", "statefulsets", "get", "db")).isTrue();
    assertThat(may(namespace, "ruled", "external.metrics.k8s.io", "queue_depth", "list", ""))
        .isTrue();
    assertThat(may(namespace, "ruled", "apps", "statefulsets", "get", "other")).isFalse();
    assertThat(may(namespace, "ruled", "apps", "statefulsets", "update", "db")).isFalse();
    assertThat(may(namespace, "ruled", "", "secrets", "get", "db")).isFalse();
  }

  @Test
  void theSchemaRefusesARuleWithoutVerbsOrWithNonResourceUrls() {
    String namespace = SharedKubeApiServer.freshNamespace(OPERATOR.admin(), "badrules");
    RoleRule noVerbs = databaseReader();
    noVerbs.setVerbs(List.of());
    RoleRule urls = databaseReader();
    urls.setNonResourceURLs(List.of("/metrics"));

    assertThatThrownBy(() -> create(namespace, "no-verbs", noVerbs))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.roleRules")
        .hasMessageContaining("verbs");
    assertThatThrownBy(() -> create(namespace, "urls", urls))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("nonResourceURLs");
  }

  @Test
  void anInvalidRuleIsReportedByItsPathAndTheRoleStaysAsItWas() {
    String namespace = SharedKubeApiServer.freshNamespace(OPERATOR.admin(), "emptyverb");
    create(namespace, "kept", databaseReader());
    OperatorTestSupport.awaitReady(OPERATOR.admin(), namespace, "kept");

    OPERATOR
        .admin()
        .resources(CustomPodAutoscaler.class)
        .inNamespace(namespace)
        .withName("kept")
        .edit(
            edited -> {
              RoleRule emptyVerb = externalMetricsReader();
              emptyVerb.setVerbs(List.of(" "));
              edited.getSpec().setRoleRules(List.of(databaseReader(), emptyVerb));
              return edited;
            });

    CustomPodAutoscaler notReady =
        OperatorTestSupport.awaitCondition(OPERATOR.admin(), namespace, "kept", "Ready", "False");
    assertThat(CpaConditions.condition(notReady, "Ready").getMessage())
        .contains("spec.roleRules[1].verbs[0]: is empty")
        .contains("the Role stays as it was until spec.roleRules is fixed");
    assertThat(notReady.getStatus().getAddedRoleRules())
        .as("the Role in place has one")
        .isEqualTo(1);
    List<PolicyRule> rules =
        OPERATOR.admin().rbac().roles().inNamespace(namespace).withName("kept").get().getRules();
    assertThat(rules.get(rules.size() - 1).getResources()).containsExactly("statefulsets");
    assertThat(may(namespace, "kept", "external.metrics.k8s.io", "queue_depth", "list", ""))
        .isFalse();
  }

  private static void create(String namespace, String name, RoleRule rule) {
    CustomPodAutoscaler cpa = OperatorTestSupport.cpa(name, Map.of());
    cpa.getSpec().setRoleRules(List.of(rule));
    OPERATOR.admin().resource(cpa).inNamespace(namespace).create();
  }

  /** Whether the ServiceAccount of CPA {@code cpa} may do {@code verb} on that. */
  private static boolean may(
      String namespace, String cpa, String group, String resource, String verb, String name) {
    return OperatorTestSupport.serviceAccountMay(
        OPERATOR.admin(),
        namespace,
        cpa,
        OperatorTestSupport.access(namespace, group, resource, "", verb, name));
  }

  /**
   * {@code get} on StatefulSet {@code db}: logic that reads another workload. (Not a core-group
   * resource: the test's API server, built from Debian's source, reads {@code ""} in a custom
   * resource as null, so {@code apiGroups: [""]} cannot be sent to it.)
   */
  private static RoleRule databaseReader() {
    RoleRule rule = new RoleRule(List.of("apps"), List.of("statefulsets"), List.of("get"));
    rule.setResourceNames(List.of("db"));
    return rule;
  }

  /** Every external metric: logic that reads a queue's depth from an external metrics API. */
  private static RoleRule externalMetricsReader() {
    return new RoleRule(List.of("external.metrics.k8s.io"), List.of("*"), List.of("get", "list"));
  }
}
