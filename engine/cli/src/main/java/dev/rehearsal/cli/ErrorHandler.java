package dev.rehearsal.cli;

import dev.rehearsal.config.ProjectException;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.migrations.MigrationFailedException;
import dev.rehearsal.migrations.RepositoryException;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.text.Shown;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns exceptions into one clear message and an exit code; the stack trace only with {@code --debug}. */
final class ErrorHandler implements IExecutionExceptionHandler {

  private final boolean debug;

  ErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int code;
    if (e instanceof InvalidInputException invalid) {
      invalid.problems().forEach(p -> err.println(p));
      int count = invalid.problems().size();
      err.println(count + (count == 1 ? " problem" : " problems") + " found; nothing was run.");
      code = ExitCodes.INVALID;
    } else if (e instanceof RepositoryException || e instanceof ProjectException || e instanceof OptionException) {
      err.println("error: " + message(e));
      code = ExitCodes.INVALID;
    } else if (e instanceof dev.rehearsal.backup.BackupException) {
      err.println("error: " + message(e));
      code = ExitCodes.FAILED;
    } else if (e instanceof MigrationFailedException) {
      err.println("error: " + message(e));
      code = ExitCodes.FAILED;
    } else if (e instanceof DatabaseException || e instanceof UncheckedIOException) {
      err.println("error: " + message(e));
      code = ExitCodes.INFRASTRUCTURE;
    } else {
      err.println("internal error: " + Shown.line(String.valueOf(e))
          + (debug ? "" : " — run again with --debug for the stack trace"));
      code = ExitCodes.INFRASTRUCTURE;
    }
    if (debug) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(Shown.lines(trace.toString()));
    }
    err.flush();
    return code;
  }

  /**
   * The message, control characters escaped; a line after the first that does not start indented is indented, so
   * no line of a message (a driver's, quoting SQL) can pass for a line of its own.
   */
  private static String message(Exception e) {
    return Shown.lines(String.valueOf(e.getMessage())).replaceAll("\n(?![ \t])", "\n  ");
  }

  static int usage(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + message(e));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.INVALID;
  }
}
