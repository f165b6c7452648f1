package dev.rehearsal.migrations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.MigrationReader;
import org.apache.ibatis.migration.VariableReplacer;

/**
 * The lines of one script, numbered as in the file, split into up and undo where MyBatis splits them: the marker
 * line is the one MyBatis's own {@link MigrationReader} starts the undo section at, so a near miss such as
 * {@code -- @UNDO} is never taken for a marker here either.
 *
 * @param lines the file's lines, without line ends
 * @param marker the 1-based line of the undo marker, or 0 when the script has none
 * @param variables the environment's {@code ${variables}}, replaced line by line as MyBatis does
 * @param lastLineEnded whether the file ends with a line end (MyBatis sees a marker only on a line that has one)
 */
record ScriptText(List<String> lines, int marker, Properties variables, boolean lastLineEnded) {

  private static final Pattern LINE = Pattern.compile("[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$");

  ScriptText {
    lines = List.copyOf(lines);
  }

  /** A line with its 1-based number, variables replaced. */
  record Line(int number, String text) {}

  static ScriptText read(MigrationRepository repository, Migration migration) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(migration.file());
    } catch (IOException e) {
      throw new RepositoryException("cannot read " + migration.file() + ": " + e.getMessage(), e);
    }
    String text = new String(bytes, Charset.forName(repository.charset()));
    List<String> lines = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    Matcher matcher = LINE.matcher(text);
    while (matcher.find()) {
      String line = matcher.group();
      lines.add(line.replaceAll("[\r\n]+$", ""));
      ends.add(matcher.end());
    }
    int marker = 0;
    for (int i = 0; i < lines.size() && marker == 0; i++) {
      // Only a line holding "@UNDO" can be the marker; MyBatis decides whether it is one.
      if (lines.get(i).contains("@UNDO") && startsUndo(text.substring(0, ends.get(i)), repository.charset())) {
        marker = i + 1;
      }
    }
    return new ScriptText(lines, marker, repository.variables(), text.endsWith("\n") || text.endsWith("\r"));
  }

  /** True when MyBatis would take {@code line} for the undo marker if it ended with a line end. */
  static boolean isMarker(String line) {
    return line.contains("@UNDO") && startsUndo(line + "\n", "UTF-8");
  }

  /** True when MyBatis finds an undo section in {@code prefix}, which ends with the candidate line. */
  private static boolean startsUndo(String prefix, String charset) {
    byte[] bytes = prefix.getBytes(Charset.forName(charset));
    try (Reader undo = new MigrationReader(new ByteArrayInputStream(bytes), charset, true, new Properties())) {
      return undo.read() >= 0;
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  /** The lines MyBatis runs on the way up. */
  List<Line> up() {
    return numbered(1, marker == 0 ? lines.size() : marker - 1);
  }

  /** The lines after the marker, which MyBatis runs on the way down; empty without a marker. */
  List<Line> undo() {
    return marker == 0 ? List.of() : numbered(marker + 1, lines.size());
  }

  private List<Line> numbered(int from, int to) {
    VariableReplacer replacer = new VariableReplacer(variables);
    List<Line> numbered = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      numbered.add(new Line(n, replacer.replace(lines.get(n - 1))));
    }
    return numbered;
  }
}
