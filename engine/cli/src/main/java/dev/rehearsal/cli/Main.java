package dev.rehearsal.cli;

import dev.rehearsal.text.LogFormatter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
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
    configureLogging(debug, err);
    CommandLine commandLine = new CommandLine(new RehearseCommand(environment, terminal));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new ErrorHandler(debug));
    commandLine.setParameterExceptionHandler(ErrorHandler::usage);
    return commandLine.execute(args);
  }

  /**
   * Rehearsal's log records go, under {@code --debug} only, to this command's error stream: not to the process's
   * standard error behind its back, so that a caller that captures the streams (a test, an embedding tool) gets
   * them too, and a second command in the same process does not print them twice.
   */
  private static void configureLogging(boolean debug, PrintWriter err) {
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    Logger migrations = Logger.getLogger("dev.rehearsal");
    for (var handler : migrations.getHandlers()) {
      if (handler instanceof ErrorStreamHandler) {
        migrations.removeHandler(handler);
      }
    }
    if (debug) {
      migrations.addHandler(new ErrorStreamHandler(err));
      migrations.setLevel(Level.FINE);
    } else {
      migrations.setLevel(Level.OFF);
    }
  }

  /** Writes log records, one formatted record at a time, to a command's error stream. */
  private static final class ErrorStreamHandler extends Handler {

    private final PrintWriter err;

    ErrorStreamHandler(PrintWriter err) {
      this.err = err;
      setLevel(Level.FINE);
      setFormatter(new LogFormatter());
    }

    @Override
    public synchronized void publish(LogRecord record) {
      if (isLoggable(record)) {
        err.print(getFormatter().format(record));
        err.flush();
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      err.flush();
    }
  }
}
