package com.custompodautoscaler.e2e;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.custompodautoscaler.playground.RealNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real node of a test run: started by the first test class that asks, with the project's images
 * and the tests' own, and stopped when the run's JVM exits (scripts/test.sh takes it down too,
 * should the JVM be killed). It needs root; the test command runs the tests as root and asks for
 * the node with {@code -Dcpa.realNode=required}, which turns a node that cannot start into a
 * failure rather than skipped tests.
 */
final class TheNode {

  /**
   * The image the tests build besides the project's: the one a Go CPA user builds for the
   * python-custom-autoscaler example, as its cpa.yaml names it.
   */
  private static final List<String> TEST_IMAGES =
      List.of(
          "python-custom-autoscaler:latest="
              + ProjectFiles.resolve(
                  "cpa-operator/src/test/resources/upstream-examples/python-custom-autoscaler/Dockerfile"));

  private static RealNode node;
  private static Exception failure;

  private TheNode() {}

  static synchronized RealNode get() throws Exception {
    boolean required = "required".equals(System.getProperty("cpa.realNode"));
    if (!required) {
      Assumptions.assumeTrue(
          "root".equals(System.getProperty("user.name")),
          "a real node needs root; scripts/test.sh runs these tests as root");
    }
    if (failure != null) {
      throw new IllegalStateException("the real node did not start", failure);
    }
    if (node == null) {
      try {
        node = RealNode.start(ProjectFiles.root(), log(), TEST_IMAGES);
      } catch (Exception e) {
        failure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "real-node-down"));
    }
    return node;
  }

  /** Where the node's scripts write their progress. */
  static Path log() {
    return ProjectFiles.resolve("cpa-e2e/target/real-node.log");
  }
}
