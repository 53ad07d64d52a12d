/** Answers of the small HTTP servers that the operator and the autoscaler host run. */
package com.custompodautoscaler.api.http;
