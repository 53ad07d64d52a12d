package com.custompodautoscaler.operator.webhook;

import com.custompodautoscaler.api.v1.RoleRule;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import java.util.List;
import java.util.Optional;

/**
 * Whether the author of a CustomPodAutoscaler may ask for its {@code spec.roleRules}: the user who
 * creates or edits a CPA must hold every rule it adds, as RBAC asks of whoever writes a Role, so
 * that nobody gains through the operator what they could not grant themselves. Rules the CPA had
 * before are not asked about again: editing a CPA (pausing it, say) is no grant.
 */
final class RoleRulesAdmission {

  private final AccessReviews reviews;

  RoleRulesAdmission(AccessReviews reviews) {
    this.reviews = reviews;
  }

  /**
   * Why {@code user} may not make a CPA in {@code namespace} with {@code rules} where it had {@code
   * previous} (empty for a new CPA); empty when it may.
   */
  Optional<String> refusal(
      UserInfo user, String namespace, List<RoleRule> rules, List<RoleRule> previous) {
    for (int i = 0; i < rules.size(); i++) {
      RoleRule rule = rules.get(i);
      if (previous.contains(rule)) {
        continue;
      }
      for (Access access : Access.of(rule)) {
        if (!reviews.allows(user, namespace, access)) {
          return Optional.of(
              "spec.roleRules["
                  + i
                  + "]: "
                  + user.getUsername()
                  + " may not "
                  + access.describe()
                  + " in namespace "
                  + namespace
                  + ", so a CustomPodAutoscaler of theirs may not grant it: the operator grants"
                  + " only rules its author holds");
        }
      }
    }
    return Optional.empty();
  }
}
