package dev.rehearsal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, as {@code rehearse ARGS...} would, and captures what it printed. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, normalize(out.toString()), normalize(err.toString()));
  }

  private static String normalize(String text) {
    return text.replace(System.lineSeparator(), "\n");
  }
}
