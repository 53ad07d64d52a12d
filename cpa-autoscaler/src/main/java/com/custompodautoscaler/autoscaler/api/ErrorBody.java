package com.custompodautoscaler.autoscaler.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of an error response, as CPA v2 writes it: {@code {"message":"...","code":500}}. */
@JsonPropertyOrder({"message", "code"})
record ErrorBody(String message, int code) {}
