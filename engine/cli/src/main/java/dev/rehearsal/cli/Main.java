package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code rehearse} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given streams and returns the exit code (used by tests too). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    configureLogging(debug);
    CommandLine commandLine = new CommandLine(new RehearseCommand());
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
      migrations.addHandler(handler);
      migrations.setLevel(Level.FINE);
    } else {
      migrations.setLevel(Level.OFF);
    }
  }
}
