import com.custompodautoscaler.api.spi.InProcessUserLogic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Both stages of the java-in-process example, called inside the autoscaler's JVM: the metric stage
 * reads the target's {@code queueLength} label (standing in for a real queue), the evaluate stage
 * asks for one replica per 10 queued items. The documents are the ones a shell command reads on
 * stdin; Jackson comes with the autoscaler.
 */
public final class QueueLogic implements InProcessUserLogic {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ITEMS_PER_REPLICA = 10;

  @Override
  public String call(String stage, String document) throws Exception {
    JsonNode input = JSON.readTree(document);
    switch (stage) {
      case "metric":
        return queueLength(input.path("resource"));
      case "evaluate":
        int queued = Integer.parseInt(input.path("metrics").path(0).path("value").asText());
        int replicas = (queued + ITEMS_PER_REPLICA - 1) / ITEMS_PER_REPLICA;
        return "{\"targetReplicas\": " + replicas + "}";
      default:
        throw new IllegalArgumentException("QueueLogic serves metric and evaluate, not " + stage);
    }
  }

  private static String queueLength(JsonNode target) {
    String value = target.path("metadata").path("labels").path("queueLength").asText("");
    if (!value.matches("\\d+")) {
      throw new IllegalStateException(
          "the target's queueLength label is not a whole number: '" + value + "'");
    }
    return value;
  }
}
