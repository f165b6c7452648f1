package dev.rehearsal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a path stays inside a root, by its name and, where it exists, by where its symbolic links lead. */
public final class PathSafety {

  private PathSafety() {}

  public static boolean inside(Path root, Path path) {
    Path normalRoot = root.toAbsolutePath().normalize();
    Path normal = path.toAbsolutePath().normalize();
    if (!normal.startsWith(normalRoot)) {
      return false;
    }
    try {
      Path realRoot = normalRoot.toRealPath();
      Path existing = normal;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      return existing == null || existing.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }
}
