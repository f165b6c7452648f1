package dev.rehearsal.baseline;

import dev.rehearsal.io.AtomicFile;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.YamlSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and writes {@code rehearsal-baseline.yaml}. The file is for review in pull requests: one block per
 * migration, in migration order within each database, databases by name, the same key order in every entry, so a
 * changed verdict or script is a one- or two-line diff.
 *
 * <pre>
 * baseline: 1
 * databases:
 *   sqlite:
 *     20240602000000_rename_accounts_nickname.sql:
 *       verdict: "down fails"
 *       sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *       reason: "rollback 1 step failed in ...: no such column: display_nmae"
 * </pre>
 */
public final class BaselineFile {

  /** The format this version reads and writes. */
  static final int VERSION = 1;

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

  private BaselineFile() {}

  /**
   * Reads the baseline at {@code file}.
   *
   * @param shown the file as messages name it
   * @throws InvalidInputException with every problem of the file, each with its position
   */
  public static Baseline read(Path file, String shown) {
    List<Problem> problems = new ArrayList<>();
    Node root = YamlSource.load(file, shown, problems);
    Map<String, Map<String, BaselineEntry>> databases = new LinkedHashMap<>();
    if (root != null) {
      new BaselineReader(shown, problems).read(root, databases);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Baseline(shown, databases);
  }

  /** Writes {@code baseline} to {@code file} under a temporary name, then renames it. */
  public static void write(Path file, Baseline baseline) {
    StringBuilder text = new StringBuilder();
    text.append("# Round-trip verdicts accepted for this repository's migrations, per database.\n")
        .append("# Written by 'rehearse roundtrip --update-baseline'; review changes to it like code.\n")
        .append("# A migration whose script (sha256) and verdict both match its entry is\n")
        .append("# \"accepted (baseline)\"; a new migration, a changed script or another verdict fails.\n")
        .append("baseline: ").append(VERSION).append('\n');
    if (baseline.databases().values().stream().allMatch(Map::isEmpty)) {
      text.append("databases: {}\n");
    } else {
      text.append("databases:\n");
    }
    baseline.databases().forEach((database, entries) -> {
      if (entries.isEmpty()) {
        return;
      }
      text.append("  ").append(key(database)).append(":\n");
      List<String> files = new ArrayList<>(entries.keySet());
      files.sort(Comparator.comparing(BaselineFile::id).thenComparing(Comparator.naturalOrder()));
      for (String name : files) {
        BaselineEntry entry = entries.get(name);
        text.append("    ").append(key(name)).append(":\n")
            .append("      verdict: ").append(quoted(entry.verdict())).append('\n')
            .append("      sha256: ").append(entry.sha256()).append('\n');
        if (!entry.reason().isEmpty()) {
          text.append("      reason: ").append(quoted(entry.reason())).append('\n');
        }
      }
    });
    try {
      AtomicFile.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the baseline " + file + ": " + e.getMessage(), e);
    }
  }

  /** The migration id a script's file name starts with, so entries are in migration order; -1 when none. */
  private static BigDecimal id(String file) {
    int end = file.indexOf('_');
    String digits = end < 0 ? "" : file.substring(0, end);
    return digits.matches("[0-9]+") ? new BigDecimal(digits) : BigDecimal.ONE.negate();
  }

  private static String key(String text) {
    boolean plain = PLAIN_KEY.matcher(text).matches() && !text.matches("[0-9.]+")
        && !text.matches("(?i)y|n|yes|no|on|off|true|false|null");
    return plain ? text : quoted(text);
  }

  /** A YAML double-quoted scalar: backslash, quote and every control or line-breaking character escaped. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }
}
