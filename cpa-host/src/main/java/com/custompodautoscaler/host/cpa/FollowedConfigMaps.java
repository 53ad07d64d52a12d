package com.custompodautoscaler.host.cpa;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ConfigMaps the hosted CPAs of this replica name, each followed through a watch cache of its
 * name alone: the host's account may read a ConfigMap only by name, through the grant the operator
 * makes for each hosted CPA (the API server authorizes a list or watch with a {@code metadata.name}
 * field selector by that name). CPAs that name the same ConfigMap share its watch, which closes
 * when none names it any more. A watch that cannot list its ConfigMap, as before the operator has
 * made the grant, tries again with growing pauses, and the CPAs waiting for it are told why.
 *
 * <p>Used on one thread, the hosting thread; the watches call {@code changed} on theirs with the
 * key ({@code namespace/name}) of a ConfigMap that changed, was listed or could not be.
 */
final class FollowedConfigMaps implements AutoCloseable {

  /** What the ConfigMaps a CPA names are now. */
  sealed interface Reading permits Read, Waiting, Failed {}

  /** Every ConfigMap the CPA names is listed: those that exist, by name. */
  record Read(Map<String, ConfigMap> configMaps) implements Reading {}

  /** A watch has not listed its ConfigMap yet. */
  record Waiting() implements Reading {}

  /** A watch cannot list its ConfigMap, for {@code message}; it tries again. */
  record Failed(String message) implements Reading {}

  private final KubernetesClient client;
  private final Consumer<String> changed;
  private final Map<String, Followed> followed = new HashMap<>();
  private final Map<String, Set<String>> namedBy = new HashMap<>();
  private boolean closed;

  /** One ConfigMap's watch and the CPAs that name it. */
  private static final class Followed {
    private final SharedIndexInformer<ConfigMap> informer;
    private final Set<String> cpas = new HashSet<>();
    private volatile String failure;

    private Followed(SharedIndexInformer<ConfigMap> informer) {
      this.informer = informer;
    }
  }

  FollowedConfigMaps(KubernetesClient client, Consumer<String> changed) {
    this.client = client;
    this.changed = changed;
  }

  /**
   * Makes the ConfigMaps {@code names} of {@code namespace} those followed for the CPA of key
   * {@code cpa}; none stops following any for it.
   */
  void follow(String cpa, String namespace, Collection<String> names) {
    if (closed) {
      return;
    }
    Set<String> keys = new TreeSet<>();
    names.forEach(name -> keys.add(namespace + "/" + name));
    Set<String> before = namedBy.getOrDefault(cpa, Set.of());
    for (String key : before) {
      if (!keys.contains(key)) {
        release(cpa, key);
      }
    }
    for (String key : keys) {
      followed.computeIfAbsent(key, this::watch).cpas.add(cpa);
    }
    if (keys.isEmpty()) {
      namedBy.remove(cpa);
    } else {
      namedBy.put(cpa, keys);
    }
  }

  /** The keys of the CPAs that name the ConfigMap of key {@code configMap}. */
  Set<String> namers(String configMap) {
    Followed one = followed.get(configMap);
    return one == null ? Set.of() : Set.copyOf(one.cpas);
  }

  /** The keys of the CPAs for which ConfigMaps are followed. */
  Set<String> followers() {
    return Set.copyOf(namedBy.keySet());
  }

  /** The ConfigMaps followed for the CPA of key {@code cpa}, as their watches have them now. */
  Reading read(String cpa) {
    Map<String, ConfigMap> read = new LinkedHashMap<>();
    for (String key : namedBy.getOrDefault(cpa, Set.of())) {
      Followed one = followed.get(key);
      String failure = one.failure;
      if (failure != null) {
        return new Failed("ConfigMap " + key + " cannot be read: " + failure);
      }
      if (!one.informer.hasSynced()) {
        return new Waiting();
      }
      ConfigMap configMap = one.informer.getStore().getByKey(key);
      if (configMap != null) {
        read.put(configMap.getMetadata().getName(), configMap);
      }
    }
    return new Read(read);
  }

  /** Closes every watch; none starts afterwards. */
  @Override
  public void close() {
    closed = true;
    followed.values().forEach(one -> one.informer.close());
    followed.clear();
    namedBy.clear();
  }

  private void release(String cpa, String key) {
    Followed one = followed.get(key);
    one.cpas.remove(cpa);
    if (one.cpas.isEmpty()) {
      followed.remove(key);
      one.informer.close();
    }
  }

  private Followed watch(String key) {
    int slash = key.indexOf('/');
    SharedIndexInformer<ConfigMap> informer =
        client
            .configMaps()
            .inNamespace(key.substring(0, slash))
            .withField("metadata.name", key.substring(slash + 1))
            .runnableInformer(0);
    Followed one = new Followed(informer);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap configMap) {
            changed.accept(key);
          }

          @Override
          public void onUpdate(ConfigMap before, ConfigMap after) {
            changed.accept(key);
          }

          @Override
          public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
            changed.accept(key);
          }
        });
    informer.exceptionHandler(
        (listed, error) -> {
          String failure = listed ? null : Objects.toString(error.getMessage(), error.toString());
          if (failure != null && !Objects.equals(failure, one.failure)) {
            one.failure = failure;
            changed.accept(key);
          }
          return true;
        });
    informer
        .start()
        .whenComplete(
            (done, error) -> {
              if (error == null) {
                one.failure = null;
              }
              changed.accept(key);
            });
    return one;
  }
}
