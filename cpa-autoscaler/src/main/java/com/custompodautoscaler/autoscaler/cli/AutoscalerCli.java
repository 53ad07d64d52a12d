package com.custompodautoscaler.autoscaler.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code run} (the default), {@code validate}, {@code simulate}, {@code version}.
 */
@Command(
    name = "cpa-autoscaler",
    mixinStandardHelpOptions = true,
    versionProvider = AutoscalerCli.VersionProvider.class,
    description = "Custom Pod Autoscaler for Java: scales a Kubernetes workload on your own logic.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      SimulateCommand.class,
      VersionCommand.class
    })
public final class AutoscalerCli implements Callable<Integer> {

  /** Accepted here so that {@code cpa-autoscaler --config FILE} works without {@code run}. */
  @Mixin private ConfigOption config;

  @Spec private CommandSpec spec;

  /** With no subcommand the autoscaler runs, as CPA v2's binary does. */
  @Override
  public Integer call() throws Exception {
    return spec.commandLine().getSubcommands().get("run").execute(runArguments());
  }

  private String[] runArguments() {
    return spec.commandLine().getParseResult().originalArgs().toArray(new String[0]);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new AutoscalerCli()).execute(args));
  }

  /** Supplies {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cpa-autoscaler " + Version.current()};
    }
  }
}
