package com.custompodautoscaler.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.operator.model.Provisioning;
import com.custompodautoscaler.pipeline.testing.SharedKubeApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preconditions the operator's writes carry, on a real API server: an object cannot change
 * hands between the operator's read and its write, and what it creates it fully owns.
 */
class GuardedWritesIT {

  private static KubernetesClient admin;
  private static String namespace;

  @BeforeAll
  static void connect() {
    admin = SharedKubeApiServer.adminClient();
    namespace = SharedKubeApiServer.freshNamespace(admin, "guarded");
  }

  @AfterAll
  static void close() {
    admin.close();
  }

  @Test
  void whatItCreatesIsItsApplysAloneSoAFieldItStopsSettingGoes() {
    GuardedWrites.create(admin, configMap("new", Map.of("kept", "1", "dropped", "2")));
    ConfigMap read = admin.configMaps().inNamespace(namespace).withName("new").get();

    assertThat(read.getMetadata().getManagedFields())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getManager()).isEqualTo(Provisioning.FIELD_MANAGER);
              assertThat(entry.getOperation()).isEqualTo("Apply");
            });
    GuardedWrites.applyOver(admin, read, configMap("new", Map.of("kept", "1")));
    assertThat(admin.configMaps().inNamespace(namespace).withName("new").get().getData())
        .isEqualTo(Map.of("kept", "1"));
  }

  @Test
  void aCreationIsRefusedWhenAnObjectOfTheNameAppearedMeanwhile() {
    ConfigMap theirs = admin.resource(configMap("appeared", Map.of("by", "them"))).create();

    assertThatThrownBy(() -> GuardedWrites.create(admin, configMap("appeared", Map.of("by", "us"))))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertUnchanged(theirs);
  }

  @Test
  void anApplyIsRefusedWhenTheObjectChangedSinceItWasRead() {
    ConfigMap read = admin.resource(configMap("changed", Map.of("by", "us"))).create();
    ConfigMap changed =
        admin
            .configMaps()
            .inNamespace(namespace)
            .withName("changed")
            .edit(map -> withData(map, Map.of("by", "them")));

    assertThatThrownBy(
            () -> GuardedWrites.applyOver(admin, read, configMap("changed", Map.of("by", "us"))))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertUnchanged(changed);
  }

  @Test
  void anApplyIsRefusedWhenAnotherObjectOfTheNameTookThePlaceOfTheOneRead() {
    ConfigMap read = admin.resource(configMap("replaced", Map.of("by", "us"))).create();
    admin.resource(read).delete();
    ConfigMap theirs = admin.resource(configMap("replaced", Map.of("by", "them"))).create();

    assertThatThrownBy(
            () -> GuardedWrites.applyOver(admin, read, configMap("replaced", Map.of("by", "us"))))
        .isInstanceOf(KubernetesClientException.class);
    assertUnchanged(theirs);
  }

  @Test
  void anApplyToTheObjectAsReadChangesIt() {
    ConfigMap read = admin.resource(configMap("kept", Map.of("by", "us"))).create();

    GuardedWrites.applyOver(admin, read, configMap("kept", Map.of("by", "us, changed")));

    assertThat(admin.configMaps().inNamespace(namespace).withName("kept").get().getData())
        .isEqualTo(Map.of("by", "us, changed"));
    assertThat(
            admin
                .configMaps()
                .inNamespace(namespace)
                .withName("kept")
                .get()
                .getMetadata()
                .getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .contains(Provisioning.FIELD_MANAGER);
  }

  private static ConfigMap withData(ConfigMap map, Map<String, String> data) {
    map.setData(data);
    return map;
  }

  private static void assertUnchanged(ConfigMap before) {
    ConfigMap now = admin.resource(before).get();
    assertThat(now.getMetadata().getUid()).isEqualTo(before.getMetadata().getUid());
    assertThat(now.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withData(data)
        .build();
  }
}
