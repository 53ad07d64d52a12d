package com.custompodautoscaler.operator.reconciler;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.operator.model.NameConflict;
import com.custompodautoscaler.operator.model.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions a CPA's objects, in order, and never touches one that is not the CPA's own: an object
 * of the name that does not exist is created; one whose controller is the CPA is applied over
 * (server-side, taking over fields others set, on the version whose owner was checked); anything
 * else of the name is left alone, reported as a {@link NameConflict}, and nothing after it is
 * provisioned, since the later objects refer to the earlier ones by name. Objects the CPA leaves to
 * its user are only looked for.
 */
final class Provisioner {

  private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

  private final KubernetesClient client;
  private final CustomPodAutoscaler cpa;
  private final ProvisioningReport report;
  private final OperatorEvents events;

  Provisioner(
      KubernetesClient client,
      CustomPodAutoscaler cpa,
      ProvisioningReport report,
      OperatorEvents events) {
    this.client = client;
    this.cpa = cpa;
    this.report = report;
    this.events = events;
  }

  /**
   * Provisions {@code desired}, unless an earlier object's name is taken; returns it as it now is,
   * empty when it was left alone or not reached.
   */
  Optional<HasMetadata> provision(HasMetadata desired) {
    if (report.conflict().isPresent()) {
      return Optional.empty();
    }
    HasMetadata existing = client.resource(desired).inNamespace(namespace()).get();
    if (existing == null) {
      HasMetadata created = GuardedWrites.create(client, desired);
      log.info("created object={} cpa={}", describe(desired), cpaName());
      return Optional.of(created);
    }
    if (!Ownership.isOwnedBy(existing, cpa)) {
      refuse(NameConflict.over(existing, cpa));
      return Optional.empty();
    }
    return Optional.of(change(existing, desired));
  }

  /**
   * As {@link #provision}, but a write the API server forbids the operator is reported as a problem
   * that names {@code what}, with the API server's message and {@code remedy}.
   */
  Optional<HasMetadata> provisionIfAllowed(HasMetadata desired, String what, String remedy) {
    try {
      return provision(desired);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
        throw e;
      }
      report.problem(
          "the operator may not write " + what + ": " + e.getStatus().getMessage() + ". " + remedy);
      return Optional.empty();
    }
  }

  /**
   * Applies {@code desired} over the object of its name only where that object is there and this
   * CPA's; anything else is left as it is, and nothing is created.
   */
  void changeIfOwned(HasMetadata desired) {
    HasMetadata existing = client.resource(desired).inNamespace(namespace()).get();
    if (existing != null && Ownership.isOwnedBy(existing, cpa)) {
      change(existing, desired);
    }
  }

  /**
   * Deletes the object of {@code desired}'s kind and name where it is there and this CPA's, as it
   * was read (the API server checks its version); anything else is left as it is.
   */
  void removeIfOwned(HasMetadata desired) {
    HasMetadata existing = client.resource(desired).inNamespace(namespace()).get();
    if (existing != null && Ownership.isOwnedBy(existing, cpa)) {
      client.resource(existing).lockResourceVersion().delete();
      log.info("deleted object={} cpa={}", describe(desired), cpaName());
    }
  }

  /** Applies {@code desired} over {@code existing}, this CPA's; returns it as it now is. */
  private HasMetadata change(HasMetadata existing, HasMetadata desired) {
    HasMetadata applied = GuardedWrites.applyOver(client, existing, desired);
    if (!existing
        .getMetadata()
        .getResourceVersion()
        .equals(applied.getMetadata().getResourceVersion())) {
      log.info("changed object={} cpa={}", describe(desired), cpaName());
    }
    return applied;
  }

  /** Whether an object of {@code desired}'s kind and name exists, whoever's it is. */
  boolean exists(HasMetadata desired) {
    return client.resource(desired).inNamespace(namespace()).get() != null;
  }

  /**
   * Returns the first of {@code accepted} (objects that may stand in for {@code desired}, left to
   * the user, itself among them) that exists; reports {@code desired} if none does.
   */
  Optional<HasMetadata> findLeftToUser(HasMetadata desired, List<HasMetadata> accepted) {
    Optional<HasMetadata> found =
        accepted.stream()
            .map(object -> (HasMetadata) client.resource(object).inNamespace(namespace()).get())
            .filter(Objects::nonNull)
            .findFirst();
    if (found.isEmpty()) {
      report.problem(
          accepted.stream().map(Provisioner::kindAndName).collect(Collectors.joining(" or "))
              + " is left to you (provision"
              + (desired.getKind().equals("Deployment") ? "Pod" : desired.getKind())
              + ": false) and does not exist");
    }
    return found;
  }

  private void refuse(NameConflict conflict) {
    report.conflict(conflict);
    log.warn(
        "left alone object={}/{}/{} cpa={} holder=\"{}\"",
        conflict.kind(),
        namespace(),
        conflict.name(),
        cpaName(),
        conflict.holder());
    events.warning(cpa, "NameConflict", conflict.message());
  }

  private String namespace() {
    return cpa.getMetadata().getNamespace();
  }

  private String cpaName() {
    return namespace() + "/" + cpa.getMetadata().getName();
  }

  private static String kindAndName(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName();
  }

  private static String describe(HasMetadata object) {
    return object.getKind()
        + "/"
        + object.getMetadata().getNamespace()
        + "/"
        + object.getMetadata().getName();
  }
}
