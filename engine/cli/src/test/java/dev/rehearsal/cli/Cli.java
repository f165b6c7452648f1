package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process, as {@code rehearse ARGS...} would, and captures what it printed. */
record Cli(int exitCode, String out, String err) {

  /** Runs without a terminal, in this process's environment less the CI variables that would send reports away. */
  static Cli run(String... args) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.remove(RunCommand.STEP_SUMMARY_VARIABLE);
    return run(environment, false, args);
  }

  static Cli run(Map<String, String> environment, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment, terminal);
    return new Cli(code, normalize(out.toString()), normalize(err.toString()));
  }

  private static String normalize(String text) {
    return text.replace(System.lineSeparator(), "\n");
  }
}
