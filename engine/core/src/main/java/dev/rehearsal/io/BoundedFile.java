package dev.rehearsal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a whole file only when it is a regular file of at most a given size: the size is checked before reading
 * (a 3 GB file is refused, not read), no more than the limit is ever read (a file that grows meanwhile is refused
 * too), and a pipe or device is refused without opening it (opening a FIFO blocks until someone writes).
 */
public final class BoundedFile {

  private BoundedFile() {}

  /** Why a file was not read, in words for a message. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * The bytes of {@code file}.
   *
   * @throws Refused when it is a directory, not a regular file, or larger than {@code maxBytes}
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file, int maxBytes) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new Refused("a directory");
    }
    if (!attributes.isRegularFile()) {
      throw new Refused("not a regular file (a pipe, socket or device)");
    }
    if (attributes.size() > maxBytes) {
      throw new Refused(tooLarge(maxBytes));
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new Refused(tooLarge(maxBytes));
      }
      return bytes;
    }
  }

  private static String tooLarge(int maxBytes) {
    return maxBytes % (1024 * 1024) == 0 ? "larger than " + maxBytes / (1024 * 1024) + " MiB"
        : "larger than " + maxBytes + " bytes";
  }
}
