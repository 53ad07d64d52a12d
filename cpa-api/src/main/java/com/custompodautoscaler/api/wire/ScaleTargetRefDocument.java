package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The target reference as the scale hooks read it. */
@JsonPropertyOrder({"kind", "name", "apiVersion"})
public record ScaleTargetRefDocument(
    String kind, String name, @JsonInclude(JsonInclude.Include.NON_EMPTY) String apiVersion) {}
