package com.custompodautoscaler.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.pipeline.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-scale-hook example's hook appends what each run did, as its README shows. */
class PostScaleHookExampleTest {

  private static final Path HOOK = ProjectFiles.resolve("examples/post-scale-hook/record.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void recordsEveryRunAsOneJsonLine() throws Exception {
    Path history = dir.resolve("history.jsonl");

    runHook(scaleDocument(1, 4, 4), history);
    runHook(scaleDocument(4, 10, 8), history);
    runHook(scaleDocument(8, 8, 8), history);

    List<String> lines = Files.readAllLines(history);
    assertThat(lines).hasSize(3);
    JsonNode capped = JSON.readTree(lines.get(1));
    assertThat(capped.path("target").asText()).isEqualTo("Deployment/default/chat-server");
    assertThat(capped.path("change").asText()).isEqualTo("scaled up");
    assertThat(capped.path("from").asInt()).isEqualTo(4);
    assertThat(capped.path("to").asInt()).isEqualTo(8);
    assertThat(capped.path("evaluated").asInt()).isEqualTo(10);
    assertThat(capped.path("bounds").toString()).isEqualTo("[1,8]");
    assertThat(JSON.readTree(lines.get(2)).path("change").asText()).isEqualTo("kept");
  }

  private static String scaleDocument(int current, int evaluated, int applied) {
    return "{\"evaluation\":{\"targetReplicas\":"
        + applied
        + "},\"resource\":{\"kind\":\"Deployment\"},\"scaleTargetRef\":{\"kind\":\"Deployment\","
        + "\"name\":\"chat-server\",\"apiVersion\":\"apps/v1\"},\"namespace\":\"default\","
        + "\"minReplicas\":1,\"maxReplicas\":8,\"targetReplicas\":"
        + evaluated
        + ",\"currentReplicas\":"
        + current
        + ",\"runType\":\"scaler\"}";
  }

  private void runHook(String document, Path history) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("python3", HOOK.toString()).directory(dir.toFile());
    builder.environment().put("SCALING_HISTORY", history.toString());
    Process process = builder.redirectErrorStream(true).start();
    process.getOutputStream().write(document.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
