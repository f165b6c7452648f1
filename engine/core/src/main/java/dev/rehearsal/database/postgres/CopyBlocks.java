package dev.rehearsal.database.postgres;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the rows of each {@code COPY table (columns) FROM stdin;} block of a SQL script as {@code pg_restore}
 * writes it, as the bytes go by: in COPY's text format every row is one line (a newline inside a value is written
 * {@code \n}) and the block ends with a line {@code \.}. Only the lines outside the blocks are kept, one at a time.
 */
final class CopyBlocks extends OutputStream {

  private static final int LONGEST_KEPT = 1 << 20;

  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private String table;
  private long count;
  private boolean complete;

  /** Rows by {@code schema.table}, as far as the script has gone. */
  Map<String, Long> rows() {
    return rows;
  }

  /** Whether the script reached the line pg_restore writes after everything else. */
  boolean complete() {
    return complete;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    int start = offset;
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] == '\n') {
        keep(bytes, start, i - start);
        endOfLine();
        start = i + 1;
      }
    }
    keep(bytes, start, offset + length - start);
  }

  private void keep(byte[] bytes, int offset, int length) {
    // In a block only the end marker matters: three bytes are enough to tell it from a row.
    int room = (table != null ? 3 : LONGEST_KEPT) - line.size();
    line.write(bytes, offset, Math.max(0, Math.min(length, room)));
  }

  private void endOfLine() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (table != null) {
      if (text.equals("\\.")) {
        rows.put(table, count);
        table = null;
      } else {
        count++;
      }
      return;
    }
    if (text.startsWith("COPY ") && text.endsWith(" FROM stdin;")) {
      table = name(text.substring("COPY ".length()));
      count = 0;
    } else if (text.equals(PgArchive.COMPLETE)) {
      complete = true;
    }
  }

  /** {@code public.users (id, email) FROM stdin;} → {@code public.users}; quoted names unquoted. */
  static String name(String text) {
    StringBuilder name = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        int j = i + 1;
        while (j < text.length()) {
          if (text.charAt(j) == '"') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '"') {
              name.append('"');
              j += 2;
              continue;
            }
            break;
          }
          name.append(text.charAt(j++));
        }
        i = j + 1;
      } else if (c == '.') {
        name.append('.');
        i++;
      } else if (c == ' ' || c == '(') {
        break;
      } else {
        name.append(c);
        i++;
      }
    }
    return name.toString();
  }
}
