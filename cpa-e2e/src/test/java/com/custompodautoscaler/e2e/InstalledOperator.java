package com.custompodautoscaler.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class that needs the operator on the real node: starts the node and installs the
 * operator with Helm before the class's tests, once per run.
 */
final class InstalledOperator implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Cluster.installOperator();
  }
}
