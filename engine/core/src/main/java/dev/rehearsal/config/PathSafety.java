package dev.rehearsal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a path stays inside a root: by its name, and by where every symbolic link on the way leads. Each part of
 * the path that exists is looked at without following it; a link must lead inside the root, and a link that leads
 * nowhere (dangling) is refused, since writing through it would create its target wherever it points. The parts
 * below the first one that does not exist cannot be links yet.
 */
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
      Path current = normalRoot;
      for (Path part : normalRoot.relativize(normal)) {
        current = current.resolve(part);
        if (Files.isSymbolicLink(current)) {
          if (!current.toRealPath().startsWith(realRoot)) {
            return false;
          }
        } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
          return true;
        }
      }
      return true;
    } catch (IOException e) {
      // A dangling link (toRealPath cannot resolve it), or a part that cannot be read: not known to be inside.
      return false;
    }
  }

  /**
   * Whether {@code path} is named inside {@code root} but a symbolic link on the way leads out of it (or nowhere):
   * such a file is not read. A path named outside the root is not a link leading out, whatever it is.
   */
  public static boolean linkLeadsOut(Path root, Path path) {
    Path normalRoot = root.toAbsolutePath().normalize();
    return path.toAbsolutePath().normalize().startsWith(normalRoot) && !inside(normalRoot, path);
  }
}
