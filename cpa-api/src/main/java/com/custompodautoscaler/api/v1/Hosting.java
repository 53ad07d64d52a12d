package com.custompodautoscaler.api.v1;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a CustomPodAutoscaler needs that only a pod of its own gives. A host runs a CPA's loop in
 * its own process, with the runtimes of its own image (Java, Python) and the files of the
 * ConfigMaps the CPA mounts, read through the API; a CPA whose pod template asks for more (another
 * image, sidecars, a command of its own, Secrets, other volumes) cannot be hosted. The operator
 * says so in the CPA's status, and the host refuses it.
 */
public final class Hosting {

  /**
   * The condition in which the host that runs a hosted CPA says whether it runs it and, when not,
   * why.
   */
  public static final String CONDITION = "Hosted";

  /** The images whose autoscaler a host can stand in for, by the last part of their name. */
  public enum HostedImage {
    AUTOSCALER("cpa-autoscaler"),
    PYTHON("cpa-autoscaler-python"),
    HORIZONTAL_POD_AUTOSCALER("cpa-horizontal-pod-autoscaler");

    private final String repository;

    HostedImage(String repository) {
      this.repository = repository;
    }

    public String repository() {
      return repository;
    }

    /**
     * The image {@code image} names ({@code registry/path/name:tag} or {@code @digest}), if it is
     * one of ours.
     */
    public static Optional<HostedImage> of(String image) {
      String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
      int slash = name.lastIndexOf('/');
      int colon = name.lastIndexOf(':');
      if (colon > slash) {
        name = name.substring(0, colon);
      }
      String last = name.substring(slash + 1);
      for (HostedImage hosted : values()) {
        if (hosted.repository.equals(last)) {
          return Optional.of(hosted);
        }
      }
      return Optional.empty();
    }
  }

  private Hosting() {}

  /** The host's {@link #CONDITION} in {@code cpa}'s status, if a host has written one. */
  public static Optional<Condition> condition(CustomPodAutoscaler cpa) {
    return Optional.ofNullable(cpa.getStatus())
        .map(CustomPodAutoscalerStatus::getConditions)
        .orElse(List.of())
        .stream()
        .filter(condition -> CONDITION.equals(condition.getType()))
        .findFirst();
  }

  /**
   * The ConfigMaps {@code cpa}'s pod template names as volumes, in its namespace: all a host reads
   * for it, and all the operator lets the host's account read for it.
   */
  public static SortedSet<String> configMapNames(CustomPodAutoscaler cpa) {
    SortedSet<String> names = new TreeSet<>();
    if (cpa.getSpec().getTemplate() != null && cpa.getSpec().getTemplate().getSpec() != null) {
      for (Volume volume : cpa.getSpec().getTemplate().getSpec().getVolumes()) {
        if (volume.getConfigMap() != null && volume.getConfigMap().getName() != null) {
          names.add(volume.getConfigMap().getName());
        }
      }
    }
    return names;
  }

  /** Every reason {@code cpa} needs a pod of its own; empty when a host can run it. */
  public static List<String> needsItsOwnPod(CustomPodAutoscaler cpa) {
    List<String> reasons = new ArrayList<>();
    if (cpa.getSpec().getTemplate() == null || cpa.getSpec().getTemplate().getSpec() == null) {
      reasons.add("spec.template has no pod spec, so nothing says which image runs the logic");
      return reasons;
    }
    PodSpec pod = cpa.getSpec().getTemplate().getSpec();
    if (!pod.getInitContainers().isEmpty()) {
      reasons.add("spec.template has init containers, which only a pod of its own runs");
    }
    if (pod.getContainers().size() != 1) {
      reasons.add(
          "spec.template has "
              + pod.getContainers().size()
              + " containers; a hosted CPA is one autoscaler, without sidecars");
      return reasons;
    }
    Container container = pod.getContainers().get(0);
    String where = "spec.template container " + container.getName();
    if (container.getImage() == null || HostedImage.of(container.getImage()).isEmpty()) {
      reasons.add(
          where
              + " runs image "
              + container.getImage()
              + "; a host has the runtimes of "
              + String.join(", ", repositories())
              + " only");
    }
    if (!container.getCommand().isEmpty() || !container.getArgs().isEmpty()) {
      reasons.add(where + " sets its own command or arguments");
    }
    for (EnvVar variable : container.getEnv()) {
      if (variable.getValueFrom() != null) {
        reasons.add(
            where
                + " takes variable "
                + variable.getName()
                + " from a reference (valueFrom); a hosted CPA's variables are plain values");
      }
    }
    if (!container.getEnvFrom().isEmpty()) {
      reasons.add(
          where + " takes variables from envFrom; a hosted CPA's variables are plain values");
    }
    Map<String, Volume> volumes =
        pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity()));
    for (VolumeMount mount : container.getVolumeMounts()) {
      Volume volume = volumes.get(mount.getName());
      if (volume == null || volume.getConfigMap() == null) {
        reasons.add(
            where
                + " mounts volume "
                + mount.getName()
                + " at "
                + mount.getMountPath()
                + ", which is not a ConfigMap; a host reads only ConfigMaps");
      }
    }
    return reasons;
  }

  private static List<String> repositories() {
    List<String> names = new ArrayList<>();
    for (HostedImage image : HostedImage.values()) {
      names.add(image.repository());
    }
    return names;
  }
}
