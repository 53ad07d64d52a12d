package com.custompodautoscaler.operator.webhook;

import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Asks the API server, as RBAC and every other authorizer it runs would answer the user. */
final class SubjectAccessReviews implements AccessReviews {

  private final KubernetesClient client;

  SubjectAccessReviews(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public boolean allows(UserInfo user, String namespace, Access access) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user.getUsername())
            .withUid(user.getUid())
            .withGroups(user.getGroups())
            .withExtra(user.getExtra())
            .withNewResourceAttributes()
            .withNamespace(namespace)
            .withGroup(access.group())
            .withResource(access.resource())
            .withSubresource(access.subresource())
            .withVerb(access.verb())
            .withName(access.name())
            .endResourceAttributes()
            .endSpec()
            .build();
    return Boolean.TRUE.equals(
        client.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed());
  }
}
