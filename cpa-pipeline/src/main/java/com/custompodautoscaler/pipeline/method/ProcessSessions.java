package com.custompodautoscaler.pipeline.method;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts user commands each in a session of its own and kills whole sessions. A command that forks
 * children which are re-parented (a shell's background job, say) escapes {@link
 * ProcessHandle#descendants()}, but not its session: on Linux, {@code setsid} puts the command in a
 * new session whose id is the command's pid, and {@code /proc} tells which processes belong to it.
 * Where {@code setsid} or {@code /proc} are missing, descendants are killed instead.
 */
public final class ProcessSessions {

  private static final Logger log = LoggerFactory.getLogger(ProcessSessions.class);
  private static final Path PROC = Path.of("/proc");
  private static final long SWEEP_GATHERING_MILLIS = 100;

  private final Optional<Path> setsid;
  private final Set<Process> live = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<Long> endedSessions;
  private final Optional<Path> workingDirectory;
  private final Map<String, String> environment;
  private final UnaryOperator<String> paths;

  private ProcessSessions(
      Optional<Path> setsid,
      BlockingQueue<Long> endedSessions,
      Optional<Path> workingDirectory,
      Map<String, String> environment,
      UnaryOperator<String> paths) {
    this.setsid = setsid;
    this.endedSessions = endedSessions;
    this.workingDirectory = workingDirectory;
    this.environment = Map.copyOf(environment);
    this.paths = paths;
  }

  /**
   * The variables commands run with: this process's environment with the sessions' own over it,
   * which in-process logic is given too.
   */
  public Map<String, String> environment() {
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(environment);
    return all;
  }

  /** Sessions through {@code setsid} when the machine has it and {@code /proc}. */
  public static ProcessSessions forThisMachine() {
    Optional<Path> setsid = Files.isDirectory(PROC) ? Executables.find("setsid") : Optional.empty();
    if (setsid.isEmpty()) {
      log.warn("setsid or /proc not found; a timed-out command's re-parented children may survive");
    }
    ProcessSessions sessions =
        new ProcessSessions(
            setsid,
            new LinkedBlockingQueue<>(),
            Optional.empty(),
            Map.of(),
            UnaryOperator.identity());
    if (setsid.isPresent()) {
      Thread sweeper = new Thread(sessions::sweepEndedSessions, "session-sweeper");
      sweeper.setDaemon(true);
      sweeper.start();
    }
    return sessions;
  }

  /**
   * Sessions for commands that run in {@code workingDirectory} with {@code environment} added to
   * this process's own, as a hosted CPA's commands do in the folder of its files and with its
   * variables. The program and each argument of a command go through {@code paths} when it is
   * started, so that a path the command names as its pod would see it names the host's copy;
   * messages keep the words as configured. They share this one's sweeper; {@link #killAll} ends
   * only their own commands.
   */
  public ProcessSessions in(
      Path workingDirectory, Map<String, String> environment, UnaryOperator<String> paths) {
    return new ProcessSessions(
        setsid, endedSessions, Optional.of(workingDirectory), environment, paths);
  }

  /**
   * {@code program} as a shell in these sessions' working directory would run it: a relative path
   * with a slash is taken from there.
   */
  Optional<Path> executable(String program) {
    String mapped = paths.apply(program);
    if (mapped.contains("/") && !mapped.startsWith("/") && workingDirectory.isPresent()) {
      return Executables.find(workingDirectory.get().resolve(mapped).toString());
    }
    return Executables.find(mapped);
  }

  /** Starts {@code command} (program first, as {@link #executable} found it) in a new session. */
  Process start(List<String> command) throws IOException {
    // The program comes from executable(), which has mapped it already.
    List<String> mapped =
        Stream.concat(Stream.of(command.get(0)), command.stream().skip(1).map(paths)).toList();
    List<String> launched =
        setsid
            .map(
                path ->
                    Stream.concat(Stream.of(path.toString(), "--wait"), mapped.stream()).toList())
            .orElse(mapped);
    ProcessBuilder builder = new ProcessBuilder(launched);
    workingDirectory.ifPresent(directory -> builder.directory(directory.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    live.add(process);
    return process;
  }

  /** Kills every process of the session {@code process} leads, then forgets it. */
  void killSession(Process process) {
    if (setsid.isPresent()) {
      killMembersOf(Set.of(process.pid()));
    } else {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
    live.remove(process);
  }

  /** One pass over {@code /proc}: every process in one of {@code sessionIds} is killed. */
  private static void killMembersOf(Set<Long> sessionIds) {
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        long pid = Long.parseLong(process.getFileName().toString());
        if (!sessionIds.contains(pid) && sessionIds.contains(sessionOf(process))) {
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    } catch (IOException e) {
      log.warn("cannot list processes in /proc to end a command's session: {}", e.getMessage());
    }
  }

  /**
   * Ends, soon and in the background, whatever a command that has exited left running in its
   * session. Sessions that end close together are swept in one pass over {@code /proc}, so a
   * per-pod run over many pods costs one or two passes, not one per pod.
   */
  void sweepLater(Process exited) {
    live.remove(exited);
    if (setsid.isPresent()) {
      endedSessions.add(exited.pid());
    }
  }

  private void sweepEndedSessions() {
    try {
      while (true) {
        Set<Long> sessions = new HashSet<>();
        sessions.add(endedSessions.take());
        Thread.sleep(SWEEP_GATHERING_MILLIS);
        endedSessions.drainTo(sessions);
        killMembersOf(sessions);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the sessions of every command still running: for shutting down. */
  public void killAll() {
    List.copyOf(live).forEach(this::killSession);
  }

  /** The session id of a {@code /proc/<pid>} entry, or -1 when it cannot be read (it is gone). */
  private static long sessionOf(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // Fields after the parenthesised command name: state ppid pgrp session ...
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
