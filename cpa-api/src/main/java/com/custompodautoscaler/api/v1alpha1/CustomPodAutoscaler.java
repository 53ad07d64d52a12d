package com.custompodautoscaler.api.v1alpha1;

import com.custompodautoscaler.api.v1.CustomPodAutoscalerSpec;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The CustomPodAutoscaler as version v1alpha1, served with the same schema as v1 so that the
 * resources written for the first operator apply unchanged.
 */
@Group(com.custompodautoscaler.api.v1.CustomPodAutoscaler.GROUP)
@Version(value = "v1alpha1", storage = false, served = true)
@Kind("CustomPodAutoscaler")
@Plural("custompodautoscalers")
@Singular("custompodautoscaler")
@ShortNames("cpa")
public class CustomPodAutoscaler
    extends CustomResource<CustomPodAutoscalerSpec, CustomPodAutoscalerStatus>
    implements Namespaced {

  private static final long serialVersionUID = 1L;
}
