package com.custompodautoscaler.operator.webhook;

import io.fabric8.kubernetes.api.model.authentication.UserInfo;

/** Whether a user may make a request: the API server's answer to a SubjectAccessReview. */
interface AccessReviews {

  boolean allows(UserInfo user, String namespace, Access access);
}
