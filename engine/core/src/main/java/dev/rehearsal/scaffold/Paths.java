package dev.rehearsal.scaffold;

import java.nio.file.Path;

/** Paths as {@code rehearsal.yaml} and the messages of {@code init} write them: relative, with forward slashes. */
final class Paths {

  private Paths() {}

  /** {@code to} relative to {@code from}, {@code .} when they are the same. */
  static String relative(Path from, Path to) {
    String relative = from.relativize(to).toString().replace('\\', '/');
    return relative.isEmpty() ? "." : relative;
  }

  /** {@code path} relative to the project, with a trailing slash: {@code migrations/scripts/}. */
  static String shown(Path project, Path path) {
    String relative = relative(project, path);
    return relative.equals(".") ? "./" : relative + "/";
  }
}
