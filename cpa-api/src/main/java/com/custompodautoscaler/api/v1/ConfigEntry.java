package com.custompodautoscaler.api.v1;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

/**
 * One configuration value for the autoscaler, delivered as the environment variable {@code name}.
 */
@JsonPropertyOrder({"name", "value"})
public class ConfigEntry {

  @Required private String name;
  private String value;

  public ConfigEntry() {}

  public ConfigEntry(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
