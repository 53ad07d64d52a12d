package com.custompodautoscaler.operator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.api.v1.RoleRule;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleRulesAdmissionTest {

  private static final UserInfo ALICE =
      new UserInfoBuilder().withUsername("alice").withGroups("developers").build();

  /**
   * Alice may get ConfigMaps, read pod metrics and scale Deployments web and api; the fake records
   * what it was asked.
   */
  private final List<Access> asked = new ArrayList<>();

  private final AccessReviews reviews =
      (user, namespace, access) -> {
        asked.add(access);
        return user.getUsername().equals("alice")
            && namespace.equals("shop")
            && Set.of(
                    new Access("", "configmaps", "", "get", ""),
                    new Access("metrics.k8s.io", "pods", "", "get", ""),
                    new Access("metrics.k8s.io", "pods", "", "list", ""),
                    new Access("apps", "deployments", "scale", "patch", "web"),
                    new Access("apps", "deployments", "scale", "patch", "api"))
                .contains(access);
      };

  private final RoleRulesAdmission admission = new RoleRulesAdmission(reviews);

  @Test
  void aRuleTheAuthorHoldsIsAdmitted() {
    Optional<String> refusal =
        admission.refusal(
            ALICE, "shop", List.of(rule("metrics.k8s.io", "pods", "get", "list")), List.of());

    assertThat(refusal).isEmpty();
    assertThat(asked)
        .containsExactly(
            new Access("metrics.k8s.io", "pods", "", "get", ""),
            new Access("metrics.k8s.io", "pods", "", "list", ""));
  }

  @Test
  void aRuleTheAuthorLacksIsRefusedByItsIndexAndWhatIsLacking() {
    Optional<String> refusal =
        admission.refusal(
            ALICE,
            "shop",
            List.of(rule("", "configmaps", "get"), rule("", "secrets", "get")),
            List.of());

    assertThat(refusal)
        .contains(
            "spec.roleRules[1]: alice may not get secrets in the core API group in namespace"
                + " shop, so a CustomPodAutoscaler of theirs may not grant it: the operator grants"
                + " only rules its author holds");
  }

  @Test
  void aWildcardIsAskedAsAWildcardWhichOnlyAWildcardOfTheAuthorsOwnAllows() {
    Optional<String> refusal =
        admission.refusal(ALICE, "shop", List.of(rule("*", "*", "*")), List.of());

    assertThat(refusal).get().asString().contains("alice may not * * in API group *");
    assertThat(asked).containsExactly(new Access("*", "*", "", "*", ""));
  }

  @Test
  void subresourcesAndNamesAreAskedAsTheApiServerAsksThem() {
    RoleRule rule = rule("apps", "deployments/scale", "patch");
    rule.setResourceNames(List.of("web", "api"));

    assertThat(admission.refusal(ALICE, "shop", List.of(rule), List.of())).isEmpty();
    assertThat(asked)
        .containsExactly(
            new Access("apps", "deployments", "scale", "patch", "web"),
            new Access("apps", "deployments", "scale", "patch", "api"));
  }

  @Test
  void anEditKeepingTheRulesItHadAsksNothingSoPausingIsNoGrant() {
    List<RoleRule> rules = List.of(rule("", "secrets", "get"));

    assertThat(admission.refusal(ALICE, "shop", rules, List.of(rule("", "secrets", "get"))))
        .isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void anEditAddingARuleAsksAboutThatRuleOnly() {
    Optional<String> refusal =
        admission.refusal(
            ALICE,
            "shop",
            List.of(rule("", "secrets", "get"), rule("", "secrets", "list")),
            List.of(rule("", "secrets", "get")));

    assertThat(refusal)
        .get()
        .asString()
        .startsWith("spec.roleRules[1]: alice may not list secrets");
    assertThat(asked).containsExactly(new Access("", "secrets", "", "list", ""));
  }

  private static RoleRule rule(String group, String resource, String... verbs) {
    return new RoleRule(List.of(group), List.of(resource), List.of(verbs));
  }
}
