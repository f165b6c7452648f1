package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every subcommand shares: {@code --debug}, {@code --help} and the output streams. */
abstract class PlainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

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

  RehearseCommand top() {
    return (RehearseCommand) spec.root().userObject();
  }

  Map<String, String> environment() {
    return top().environment;
  }

  boolean terminal() {
    return top().terminal;
  }
}
