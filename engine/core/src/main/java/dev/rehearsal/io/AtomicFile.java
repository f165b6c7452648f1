package dev.rehearsal.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Replaces a file so that no reader ever sees half of it and nothing planted beside it is followed: the content goes
 * to a new file with a random name ({@code .NAME.<32 hex>.partial}) in the target's directory, created exclusively
 * ({@code O_CREAT|O_EXCL}, which never follows a symbolic link: a link planted at that name makes the creation fail,
 * not write through it), counted and hashed, forced to disk and checked against the size on disk, and then renamed
 * over the target in one step (a link at the target's name is replaced, not followed). Two writers in one directory
 * never share a temporary file. Until the rename the file has no name anyone trusts, and {@link #close()} (or the
 * shutdown hook, on Ctrl-C) deletes it.
 *
 * <p>Reports and golden files use {@link #write(Path, Content)}; a backup, which is read back before it gets its
 * name and is renamed after its checksum and manifest, holds an {@code AtomicFile} open ({@link #create}).
 */
public final class AtomicFile implements AutoCloseable {

  /** The names of temporary files, so that {@code clean} can find those a killed process left behind. */
  public static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{32}\\.partial");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::deleteOpen, "rehearsal-temporary-files"));
    } catch (IllegalStateException shuttingDown) {
      // First used by another shutdown hook (a run stopped before any report was written): files written from
      // there on are the hook's own, which it commits or deletes itself.
    }
  }

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private final MessageDigest digest;
  private final OutputStream stream;
  private long written;
  private boolean committed;

  private AtomicFile(Path target, Path temporary, FileChannel channel) {
    this.target = target;
    this.temporary = temporary;
    this.channel = channel;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    this.stream = new FilterOutputStream(Channels.newOutputStream(channel)) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        written += length;
      }

      @Override
      public void close() {
        // the file is closed by commit or close, after it was forced to disk
      }
    };
  }

  /**
   * Creates the temporary file for {@code target} in the same directory (which must exist).
   *
   * @throws IOException when it cannot be created
   */
  public static AtomicFile create(Path target) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + "."
        + HexFormat.of().formatHex(random()) + ".partial");
    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    OPEN.add(temporary);
    return new AtomicFile(target, temporary, channel);
  }

  private static byte[] random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** What goes into a file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code text} as UTF-8 to {@code target}, replacing it atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Writes {@code content} to {@code target}, replacing it atomically; the directory is created when missing.
   *
   * @throws IOException when the file cannot be written (as {@code content} threw it); no temporary file is left
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    try (AtomicFile file = create(absolute)) {
      // Writers such as Jackson close the stream they are given: closing it only flushes.
      OutputStream out = new BufferedOutputStream(new FilterOutputStream(file.stream()) {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          this.out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      }, 64 * 1024);
      content.writeTo(out);
      out.flush();
      file.sync();
      file.commit();
    }
  }

  /** Where the bytes go; closing it does nothing. */
  public OutputStream stream() {
    return stream;
  }

  /** The temporary file, to read back what was written before it is committed. */
  public Path temporary() {
    return temporary;
  }

  /** The bytes written so far. */
  public long written() {
    return written;
  }

  /** The SHA-256 of what was written, in lower-case hex. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  /**
   * Forces the file to disk and checks that it holds exactly what was written: a write the file system accepted
   * only in part, or lost, is an error here even when no write call reported one.
   */
  public void sync() throws IOException {
    channel.force(true);
    long size = channel.size();
    if (size != written) {
      throw new IOException(temporary + " holds " + size + " bytes after " + written + " were written");
    }
  }

  /** Renames the temporary file over the target, atomically, and makes the rename durable. */
  public void commit() throws IOException {
    channel.close();
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
    OPEN.remove(temporary);
    forceDirectory(target.getParent());
  }

  /**
   * Deletes the temporary file unless it was committed.
   *
   * @throws IOException saying which file is left, when it cannot be deleted
   */
  @Override
  public void close() throws IOException {
    channel.close();
    if (!committed) {
      OPEN.remove(temporary);
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
            : e.getMessage();
        throw new IOException("the temporary file " + temporary + " is left (" + reason + "): remove it, or let "
            + "'rehearse clean' remove it", e);
      }
    }
  }

  /** Makes renames in {@code directory} durable; a platform that cannot open a directory is skipped. */
  public static void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort: the files themselves are on disk already
    }
  }

  private static void deleteOpen() {
    for (Path temporary : OPEN) {
      try {
        Files.deleteIfExists(temporary);
      } catch (NoSuchFileException ignored) {
        // renamed in the meantime
      } catch (IOException ignored) {
        // the process is stopping; 'rehearse clean' removes it later
      }
    }
  }
}
