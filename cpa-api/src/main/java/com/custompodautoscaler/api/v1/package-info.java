/** The CustomPodAutoscaler resource, version v1: the stored version. */
package com.custompodautoscaler.api.v1;
