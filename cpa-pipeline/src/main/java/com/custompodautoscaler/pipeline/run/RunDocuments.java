package com.custompodautoscaler.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes the wire documents of {@code cpa-api} as the compact JSON user logic reads. */
final class RunDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunDocuments() {}

  static String toJson(Object document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }
}
