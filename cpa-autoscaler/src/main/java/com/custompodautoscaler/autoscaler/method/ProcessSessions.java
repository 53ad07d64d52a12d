package com.custompodautoscaler.autoscaler.method;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  private final Optional<Path> setsid;
  private final Set<Process> live = ConcurrentHashMap.newKeySet();

  private ProcessSessions(Optional<Path> setsid) {
    this.setsid = setsid;
  }

  /** Sessions through {@code setsid} when the machine has it and {@code /proc}. */
  public static ProcessSessions forThisMachine() {
    Optional<Path> setsid = Files.isDirectory(PROC) ? Executables.find("setsid") : Optional.empty();
    if (setsid.isEmpty()) {
      log.warn("setsid or /proc not found; a timed-out command's re-parented children may survive");
    }
    return new ProcessSessions(setsid);
  }

  /** Starts {@code command} (program first) in a new session. */
  Process start(List<String> command) throws IOException {
    List<String> launched =
        setsid
            .map(
                path ->
                    Stream.concat(Stream.of(path.toString(), "--wait"), command.stream()).toList())
            .orElse(command);
    Process process = new ProcessBuilder(launched).start();
    live.add(process);
    return process;
  }

  /** Kills every process of the session {@code process} leads, then forgets it. */
  void killSession(Process process) {
    long sessionId = process.pid();
    if (setsid.isPresent()) {
      ProcessHandle.allProcesses()
          .filter(handle -> handle.pid() != sessionId && sessionOf(handle.pid()) == sessionId)
          .forEach(ProcessHandle::destroyForcibly);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    live.remove(process);
  }

  /** Kills the sessions of every command still running: for shutting down. */
  public void killAll() {
    List.copyOf(live).forEach(this::killSession);
  }

  /** The session id of {@code pid}, or -1 when it cannot be read (the process is gone). */
  private static long sessionOf(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      // Fields after the parenthesised command name: state ppid pgrp session ...
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
