package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.core.port.KubernetesAccessException;

/**
 * A request to a metrics API that the cluster does not serve at all: the API server's 404, followed
 * by which API is missing and what serves it.
 */
final class MetricsApiNotServed extends KubernetesAccessException {

  private static final long serialVersionUID = 1L;

  MetricsApiNotServed(MetricsApi api, KubernetesAccessException notFound) {
    super(notFound.getMessage() + "; " + api.notServed(), notFound.status(), notFound);
  }
}
