package dev.rehearsal.database.postgres;

import dev.rehearsal.database.BackupContents;
import dev.rehearsal.database.DatabaseException;
import dev.rehearsal.database.ToolProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code pg_dump} plain SQL dump: read back without a server (its {@code COPY} blocks give each table's rows, its
 * last line proves the end was reached, and every statement is checked by {@link PlainScript}), and restored with
 * {@code psql}, fed the checked statements on its standard input, in one transaction ({@code --single-transaction})
 * that the first error ends and rolls back ({@code ON_ERROR_STOP}), without a {@code .psqlrc}, as the database's
 * owner.
 */
final class PgPlainDump {

  private PgPlainDump() {}

  static BackupContents read(Path file) {
    CopyBlocks blocks = new CopyBlocks();
    PlainScript script = new PlainScript(OutputStream.nullOutputStream());
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        blocks.write(buffer, 0, n);
        script.write(buffer, 0, n);
      }
      script.close();
    } catch (PlainScript.Refused e) {
      throw refused(file, e);
    } catch (IOException e) {
      throw DatabaseException.failed("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!blocks.complete()) {
      throw DatabaseException.failed(file + " ends before the line pg_dump writes last ('" + PgArchive.COMPLETE
          + "'): the dump is incomplete", null);
    }
    return new BackupContents(blocks.rows());
  }

  static DatabaseException refused(Path file, PlainScript.Refused e) {
    return DatabaseException.failed(file.getFileName() + ":" + e.line() + ": " + e.getMessage() + " — refused, "
        + "nothing of it was run", e);
  }

  /**
   * Restores the checked statements of {@code file} into {@code location} with {@code psql}.
   *
   * @param owner the role to restore as ({@code SET ROLE}), or null for the user connecting
   */
  static void restore(String psql, PgUrl url, String owner, Path file, String location) {
    List<String> command = new ArrayList<>(List.of(psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
        "--single-transaction", "--file=-"));
    command.addAll(PgTools.connection(url));
    command.add("--dbname=" + location);
    String doing = "restore " + file.getFileName() + " into " + location;
    String prelude = owner == null ? "" : "SET ROLE \"" + owner.replace("\"", "\"\"") + "\";\n";
    ToolProcess.Result result;
    try {
      result = new ToolProcess(command, PgTools.environment(url), doing)
          .input(file, in -> new Checked(in, prelude)).run(OutputStream.nullOutputStream());
    } catch (IOException e) {
      if (e.getCause() instanceof PlainScript.Refused refused) {
        throw DatabaseException.failed(refused(file, refused).getMessage() + " (it changed after it was checked; "
            + "what psql had run was rolled back)", e);
      }
      throw DatabaseException.failed("cannot " + doing + ": " + e.getMessage(), e);
    }
    if (!result.ok()) {
      throw DatabaseException.failed("cannot " + doing + ": psql exited with " + result.exitCode() + " (the database "
          + "was emptied; what psql did was rolled back): " + PgUrl.redact(result.errors().strip()), null);
    }
  }

  /** The file as psql gets it: the prelude, then what {@link PlainScript} passes on. */
  private static final class Checked extends InputStream {
    private final InputStream file;
    private final ByteArrayOutputStream ready = new ByteArrayOutputStream();
    private final PlainScript script = new PlainScript(ready);
    private byte[] buffer;
    private int position;
    private boolean ended;

    Checked(InputStream file, String prelude) {
      this.file = file;
      this.buffer = prelude.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      while (position == buffer.length) {
        if (ended) {
          return -1;
        }
        byte[] chunk = new byte[64 * 1024];
        int n = file.read(chunk);
        if (n < 0) {
          script.close();
          ended = true;
        } else {
          script.write(chunk, 0, n);
        }
        buffer = ready.toByteArray();
        ready.reset();
        position = 0;
      }
      int n = Math.min(length, buffer.length - position);
      System.arraycopy(buffer, position, into, offset, n);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
