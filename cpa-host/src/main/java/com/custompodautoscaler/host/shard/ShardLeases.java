package com.custompodautoscaler.host.shard;

import com.custompodautoscaler.core.shard.LeaseView;
import com.custompodautoscaler.core.shard.ShardView;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Leases through which the replicas of a host divide its shards, in the host's namespace: one
 * per replica ({@code <host>-member-<replica>}), which says it is live, and one per shard ({@code
 * <host>-shard-<n>}), which says who holds it and, in an annotation, who asked for it. Every write
 * carries the resource version it was read at, so two replicas writing at once cannot both win.
 * Every lease the replica creates or takes is owned by the host's ServiceAccount, when it has one,
 * so that Kubernetes deletes the leases with it (as {@code helm uninstall} deletes it).
 *
 * <p>Expiry is judged by when this replica saw a lease's holder or renew time change, by {@code
 * localClock} (monotonic), as Kubernetes' own leader election does: the replicas' clocks need not
 * agree.
 */
public final class ShardLeases {

  public static final String HOST_LABEL = "custompodautoscaler.com/host";
  public static final String ROLE_LABEL = "custompodautoscaler.com/lease";
  public static final String REQUESTED_BY = "custompodautoscaler.com/requested-by";

  private final KubernetesClient client;
  private final String namespace;
  private final String host;
  private final String self;
  private final Duration duration;
  private final Supplier<Instant> localClock;
  private final List<OwnerReference> owners;
  private final Map<String, Seen> seen = new HashMap<>();

  private record Seen(String record, Instant at) {}

  /** The leases as read in one round, and the views of them the planner takes. */
  public record Snapshot(
      Map<String, LeaseView> members,
      Map<Integer, ShardView> shards,
      Map<Integer, Lease> leases,
      Lease membership) {}

  public ShardLeases(
      KubernetesClient client,
      String namespace,
      String host,
      String self,
      Duration duration,
      Supplier<Instant> localClock,
      Optional<OwnerReference> owner) {
    this.client = client;
    this.namespace = namespace;
    this.host = host;
    this.self = self;
    this.duration = duration;
    this.localClock = localClock;
    this.owners = owner.stream().toList();
  }

  /**
   * An owner reference to ServiceAccount {@code name} of {@code namespace}, as it is now.
   *
   * @throws IllegalStateException when there is no such ServiceAccount
   */
  public static OwnerReference ownedBy(KubernetesClient client, String namespace, String name) {
    ServiceAccount account = client.serviceAccounts().inNamespace(namespace).withName(name).get();
    if (account == null) {
      throw new IllegalStateException(
          "ServiceAccount "
              + name
              + " of namespace "
              + namespace
              + ", which is to own the host's Leases, does not exist");
    }
    return new OwnerReferenceBuilder()
        .withApiVersion("v1")
        .withKind("ServiceAccount")
        .withName(name)
        .withUid(account.getMetadata().getUid())
        .build();
  }

  /** Reads every lease of the host: one list request. */
  public Snapshot read() {
    Instant now = localClock.get();
    Map<String, LeaseView> members = new HashMap<>();
    Map<Integer, ShardView> shards = new HashMap<>();
    Map<Integer, Lease> leases = new HashMap<>();
    Lease membership = null;
    for (Lease lease :
        client.leases().inNamespace(namespace).withLabel(HOST_LABEL, host).list().getItems()) {
      String name = lease.getMetadata().getName();
      String holder = Objects.requireNonNullElse(lease.getSpec().getHolderIdentity(), "");
      String record = holder + "@" + renewTime(lease);
      Seen last = seen.get(name);
      if (last == null || !last.record().equals(record)) {
        last = new Seen(record, now);
        seen.put(name, last);
      }
      LeaseView view = new LeaseView(holder, duration, last.at());
      String role = lease.getMetadata().getLabels().getOrDefault(ROLE_LABEL, "");
      if (role.equals("member")) {
        members.put(holder, view);
        if (name.equals(membershipName())) {
          membership = lease;
        }
      } else if (role.startsWith("shard-")) {
        int shard = Integer.parseInt(role.substring("shard-".length()));
        String asker =
            lease.getMetadata().getAnnotations() == null
                ? ""
                : lease.getMetadata().getAnnotations().getOrDefault(REQUESTED_BY, "");
        shards.put(shard, new ShardView(view, asker));
        leases.put(shard, lease);
      }
    }
    return new Snapshot(members, shards, leases, membership);
  }

  /** Renews this replica's membership lease, making it on the first call. */
  public boolean renewMembership(Snapshot snapshot) {
    if (snapshot.membership() == null) {
      return create(lease(membershipName(), "member", self, 0));
    }
    return renew(snapshot.membership());
  }

  /**
   * Gives up this replica's membership, when it stops: the others need not wait for it to lapse.
   */
  public void leave() {
    client.leases().inNamespace(namespace).withName(membershipName()).delete();
  }

  /**
   * Renews {@code lease}, held by this replica, declining any request on it. A request written
   * since the lease was read makes the write conflict; the lease is then read again and, if this
   * replica still holds it, renewed once more.
   */
  public boolean renew(Lease lease) {
    if (write(holding(lease, self))) {
      return true;
    }
    Lease fresh =
        client.leases().inNamespace(namespace).withName(lease.getMetadata().getName()).get();
    return fresh != null
        && self.equals(fresh.getSpec().getHolderIdentity())
        && write(holding(fresh, self));
  }

  /** Takes free shard {@code shard}, whose lease is {@code current} or not made yet. */
  public boolean acquire(int shard, Lease current) {
    if (current == null) {
      return create(lease(host + "-shard-" + shard, "shard-" + shard, self, 1));
    }
    return write(holding(current, self));
  }

  /** Gives shard lease {@code shard} to replica {@code to}, which asked for it. */
  public boolean handOver(Lease shard, String to) {
    return write(holding(shard, to));
  }

  /** Asks the holder of shard lease {@code shard} to hand it over to this replica. */
  public boolean request(Lease shard) {
    Lease asked =
        new LeaseBuilder(shard)
            .editMetadata()
            .addToAnnotations(REQUESTED_BY, self)
            .endMetadata()
            .build();
    return write(asked);
  }

  /** Gives shard lease {@code shard} up: nobody holds it until a replica takes it. */
  public boolean release(Lease shard) {
    return write(holding(shard, ""));
  }

  private String membershipName() {
    return host + "-member-" + self;
  }

  private Lease holding(Lease lease, String holder) {
    boolean newHolder =
        !holder.equals(Objects.requireNonNullElse(lease.getSpec().getHolderIdentity(), ""));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    LeaseBuilder builder =
        new LeaseBuilder(lease)
            .editMetadata()
            .removeFromAnnotations(REQUESTED_BY)
            .withOwnerReferences(owners)
            .endMetadata()
            .editSpec()
            .withHolderIdentity(holder)
            .withLeaseDurationSeconds((int) duration.toSeconds())
            .withRenewTime(now)
            .endSpec();
    if (newHolder) {
      int transitions = Objects.requireNonNullElse(lease.getSpec().getLeaseTransitions(), 0);
      builder.editSpec().withAcquireTime(now).withLeaseTransitions(transitions + 1).endSpec();
    }
    return builder.build();
  }

  private Lease lease(String name, String role, String holder, int transitions) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    return new LeaseBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels(HOST_LABEL, host)
        .addToLabels(ROLE_LABEL, role)
        .withOwnerReferences(owners)
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(holder)
        .withLeaseDurationSeconds((int) duration.toSeconds())
        .withAcquireTime(now)
        .withRenewTime(now)
        .withLeaseTransitions(transitions)
        .endSpec()
        .build();
  }

  /** Whether the write landed; {@code false} when another replica wrote first. */
  private boolean write(Lease lease) {
    try {
      client.resource(lease).inNamespace(namespace).update();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT
          || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private boolean create(Lease lease) {
    try {
      client.resource(lease).inNamespace(namespace).create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return false;
      }
      throw e;
    }
  }

  private static String renewTime(Lease lease) {
    ZonedDateTime renewed = lease.getSpec().getRenewTime();
    return renewed == null ? "" : renewed.toInstant().toString();
  }
}
