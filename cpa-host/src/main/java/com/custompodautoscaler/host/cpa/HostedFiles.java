package com.custompodautoscaler.host.cpa;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The files a hosted CPA's pod would see, written under a folder of its own: each ConfigMap the
 * container mounts, at its mount path below {@code root}, as the kubelet would project it (every
 * key, or the listed items; one key with {@code subPath}; {@code binaryData} decoded; the file
 * modes asked for). A path in the pod maps to the host by {@link #onHost}: into a mount, or to the
 * host's copy of a file of the CPA's image (the HPA image's configuration, say).
 */
public final class HostedFiles {

  private static final int DEFAULT_MODE = 0644;

  private final Path workingDir;
  private final Map<String, Path> mounts;
  private final Path imageFiles;

  private HostedFiles(Path workingDir, Map<String, Path> mounts, Path imageFiles) {
    this.workingDir = workingDir;
    this.mounts = mounts;
    this.imageFiles = imageFiles;
  }

  /**
   * Writes the files of {@code pod}'s only container under {@code root}, from {@code configMaps}
   * (by name).
   *
   * @param imageFiles the host's copy of files of the container's image, by their path in the
   *     image; the folder need not exist
   * @throws MissingConfigMapException when a ConfigMap that is not optional is not there
   */
  public static HostedFiles write(
      PodSpec pod, Map<String, ConfigMap> configMaps, Path root, Path imageFiles)
      throws IOException {
    Container container = pod.getContainers().get(0);
    Map<String, Volume> volumes = new LinkedHashMap<>();
    pod.getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      ConfigMapVolumeSource source = volumes.get(mount.getName()).getConfigMap();
      ConfigMap configMap = configMaps.get(source.getName());
      if (configMap == null) {
        if (Boolean.TRUE.equals(source.getOptional())) {
          continue;
        }
        throw new MissingConfigMapException(source.getName(), mount.getName());
      }
      Path target = inside(root, mount.getMountPath());
      Map<String, Projected> files = project(configMap, source);
      String subPath = Optional.ofNullable(mount.getSubPath()).orElse("");
      if (subPath.isEmpty()) {
        for (Map.Entry<String, Projected> file : files.entrySet()) {
          write(inside(target, file.getKey()), file.getValue());
        }
      } else if (files.containsKey(subPath)) {
        write(target, files.get(subPath));
      }
      mounts.put(mount.getMountPath(), target);
    }
    String dir = Optional.ofNullable(container.getWorkingDir()).orElse("/");
    Path workingDir = inside(root, dir);
    Files.createDirectories(workingDir);
    return new HostedFiles(workingDir, mounts, imageFiles);
  }

  /** The container's working directory, on the host. */
  public Path workingDir() {
    return workingDir;
  }

  /**
   * Where {@code podPath} is on the host: below a mount's folder when it is in a mount, resolved
   * against the working directory when relative, the host's copy of the image's file when it has
   * one; empty for any other absolute path, which only the pod's image would have.
   */
  public Optional<Path> onHost(String podPath) {
    if (!podPath.startsWith("/")) {
      return Optional.of(workingDir.resolve(podPath).normalize());
    }
    Path path = Path.of(podPath).normalize();
    Optional<String> longest =
        mounts.keySet().stream()
            .filter(mount -> path.startsWith(Path.of(mount).normalize()))
            .max((a, b) -> Integer.compare(a.length(), b.length()));
    if (longest.isPresent()) {
      String mount = longest.get();
      return Optional.of(mounts.get(mount).resolve(Path.of(mount).normalize().relativize(path)));
    }
    return Optional.of(imageFiles.resolve(path.toString().substring(1)))
        .filter(Files::isRegularFile);
  }

  /**
   * The words of a command with the paths into mounts mapped to the host: what {@code
   * ProcessSessions.in} takes. Other words, relative paths (the working directory is the host's
   * already) and absolute paths outside the mounts stay as they are.
   */
  public UnaryOperator<String> commandPaths() {
    return word -> word.startsWith("/") ? onHost(word).map(Path::toString).orElse(word) : word;
  }

  private record Projected(byte[] content, int mode) {}

  /** The files of {@code configMap} as {@code source} projects them, by path in the volume. */
  private static Map<String, Projected> project(ConfigMap configMap, ConfigMapVolumeSource source) {
    int mode = Optional.ofNullable(source.getDefaultMode()).orElse(DEFAULT_MODE);
    Map<String, byte[]> contents = new LinkedHashMap<>();
    Optional.ofNullable(configMap.getData())
        .orElse(Map.of())
        .forEach((key, text) -> contents.put(key, text.getBytes(StandardCharsets.UTF_8)));
    Optional.ofNullable(configMap.getBinaryData())
        .orElse(Map.of())
        .forEach((key, base64) -> contents.put(key, Base64.getDecoder().decode(base64)));
    Map<String, Projected> files = new LinkedHashMap<>();
    if (source.getItems() == null || source.getItems().isEmpty()) {
      contents.forEach((key, content) -> files.put(key, new Projected(content, mode)));
      return files;
    }
    for (KeyToPath item : source.getItems()) {
      byte[] content = contents.get(item.getKey());
      if (content != null) {
        int itemMode = Optional.ofNullable(item.getMode()).orElse(mode);
        files.put(item.getPath(), new Projected(content, itemMode));
      }
    }
    return files;
  }

  private static void write(Path file, Projected projected) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, projected.content());
    Files.setPosixFilePermissions(file, permissions(projected.mode()));
  }

  /** {@code path} below {@code base}; a path that would leave it is refused. */
  private static Path inside(Path base, String path) throws IOException {
    Path resolved = base.resolve(path.replaceFirst("^/+", "")).normalize();
    if (!resolved.startsWith(base.normalize())) {
      throw new IOException("path " + path + " leaves " + base);
    }
    return resolved;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < bits.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(bits[bit]);
      }
    }
    return permissions;
  }
}
