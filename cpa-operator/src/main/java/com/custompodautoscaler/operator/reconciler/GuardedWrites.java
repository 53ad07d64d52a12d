package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.operator.model.Provisioning;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;

/**
 * The operator's two writes of a provisioned object, each with a precondition the API server checks
 * in the same request, so that an object cannot change hands between the operator's read and its
 * write.
 */
final class GuardedWrites {

  private static final String APPLY = "Apply";

  private GuardedWrites() {}

  /**
   * Creates {@code desired}, which fails if an object of its name exists (one that appeared since
   * it was found missing), then hands the fields it set to the operator's server-side apply, as if
   * an apply had created it: later applies then remove what the operator stops setting.
   */
  static HasMetadata create(KubernetesClient client, HasMetadata desired) {
    HasMetadata created = client.resource(desired).create();
    List<ManagedFieldsEntry> handedOver =
        created.getMetadata().getManagedFields().stream()
            .map(GuardedWrites::asTheOperatorsApply)
            .toList();
    List<Map<String, Object>> patch =
        List.of(
            Map.of(
                "op", "test",
                "path", "/metadata/resourceVersion",
                "value", created.getMetadata().getResourceVersion()),
            Map.of("op", "replace", "path", "/metadata/managedFields", "value", handedOver));
    return client
        .resource(created)
        .patch(PatchContext.of(PatchType.JSON), client.getKubernetesSerialization().asJson(patch));
  }

  /**
   * Applies {@code desired} server-side as the operator, taking over fields others set, only to
   * {@code existing} as it was read: the same uid (not another object of the name since created) at
   * the same version (not changed since, its owner included).
   */
  static HasMetadata applyOver(KubernetesClient client, HasMetadata existing, HasMetadata desired) {
    desired.getMetadata().setUid(existing.getMetadata().getUid());
    desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
    return client
        .resource(desired)
        .fieldManager(Provisioning.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  private static ManagedFieldsEntry asTheOperatorsApply(ManagedFieldsEntry creation) {
    ManagedFieldsEntry entry = new ManagedFieldsEntry();
    entry.setApiVersion(creation.getApiVersion());
    entry.setFieldsType(creation.getFieldsType());
    entry.setFieldsV1(creation.getFieldsV1());
    entry.setManager(Provisioning.FIELD_MANAGER);
    entry.setOperation(APPLY);
    return entry;
  }
}
