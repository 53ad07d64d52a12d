/**
 * The {@code kubernetesMetrics} that metric gathering and its hooks receive: one entry per
 * configured autoscaling/v2 metric spec, in CPA v2's snake_case shapes, all values in milli-units.
 */
package com.custompodautoscaler.api.wire.kubernetes;
