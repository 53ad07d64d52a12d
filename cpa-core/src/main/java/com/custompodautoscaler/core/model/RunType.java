package com.custompodautoscaler.core.model;

/** What started a run: the scheduler, or a REST call with or without dry run. */
public enum RunType {
  SCALER("scaler"),
  API("api"),
  API_DRY_RUN("api_dry_run");

  private final String wireName;

  RunType(String wireName) {
    this.wireName = wireName;
  }

  /** The value user logic receives in {@code runType}. */
  public String wireName() {
    return wireName;
  }
}
