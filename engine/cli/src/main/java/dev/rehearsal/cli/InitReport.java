package dev.rehearsal.cli;

import dev.rehearsal.scaffold.Scaffold;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What {@code init} prints: what it found, what it wrote, what it left, what to change, and the next command. */
final class InitReport {

  private final PrintWriter out;
  private final Path cwd;

  InitReport(PrintWriter out, Path cwd) {
    this.out = out;
    this.cwd = cwd;
  }

  void print(Scaffold.Result result) {
    out.println(result.created() ? "No MyBatis repository found in " + shown(result.project())
        + ": wrote a new one (what 'migrate init' writes, for SQLite and PostgreSQL)."
        : "Found a MyBatis repository in " + shown(result.project()) + ":");
    result.found().forEach(line -> out.println("  " + line));
    section("Wrote:", result.written());
    section("Left as they were (init never overwrites a file):", result.left());
    section("Check:", result.warnings());
    String command = result.project().equals(cwd) ? "rehearse" : "rehearse -C " + shown(result.project());
    out.println("Next: " + command + " run");
    out.println("      (then '" + command + " roundtrip' checks that every migration rolls back)");
  }

  private void section(String heading, java.util.List<String> lines) {
    if (!lines.isEmpty()) {
      out.println(heading);
      lines.forEach(line -> out.println("  " + line));
    }
  }

  private String shown(Path path) {
    if (path.equals(cwd)) {
      return ".";
    }
    return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
  }
}
