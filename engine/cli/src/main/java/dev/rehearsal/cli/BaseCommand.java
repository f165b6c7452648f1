package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the project options, {@code --debug}, and the output streams. */
abstract class BaseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ProjectOptions project;

  @Option(names = "--debug", description = "Show stack traces and internal log messages.")
  boolean debug;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Map<String, String> environment() {
    return ((RehearseCommand) spec.root().userObject()).environment;
  }

  boolean terminal() {
    return ((RehearseCommand) spec.root().userObject()).terminal;
  }
}
