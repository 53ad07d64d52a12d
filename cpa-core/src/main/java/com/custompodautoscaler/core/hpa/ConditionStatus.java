package com.custompodautoscaler.core.hpa;

/** The status of a pod condition: {@code True}, {@code False} or {@code Unknown}. */
public enum ConditionStatus {
  TRUE,
  FALSE,
  UNKNOWN
}
