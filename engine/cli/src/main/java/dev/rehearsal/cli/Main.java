package dev.rehearsal.cli;

import dev.rehearsal.text.LogFormatter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code rehearse} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // System.console() is null unless both standard input and output are a terminal: no live line in CI logs.
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.getenv(), terminal));
  }

  /** Runs the command line with the given streams, not on a terminal, and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, System.getenv(), false);
  }

  /**
   * Runs the command line and returns the exit code.
   *
   * @param environment the environment variables the commands see (CI ids, {@code GITHUB_STEP_SUMMARY})
   * @param terminal whether {@code out} is a terminal that can show a live progress line
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
      boolean terminal) {
    boolean debug = Arrays.asList(args).contains("--debug");
    configureLogging(debug);
    CommandLine commandLine = new CommandLine(new RehearseCommand(environment, terminal));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new ErrorHandler(debug));
    commandLine.setParameterExceptionHandler(ErrorHandler::usage);
    return commandLine.execute(args);
  }

  private static void configureLogging(boolean debug) {
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    Logger migrations = Logger.getLogger("dev.rehearsal");
    if (debug) {
      ConsoleHandler handler = new ConsoleHandler();
      handler.setLevel(Level.FINE);
      handler.setFormatter(new LogFormatter());
      migrations.addHandler(handler);
      migrations.setLevel(Level.FINE);
    } else {
      migrations.setLevel(Level.OFF);
    }
  }
}
