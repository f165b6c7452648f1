package dev.rehearsal.baseline;

import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.scenario.YamlSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

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

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
  private static final List<String> TOP_KEYS = List.of("baseline", "databases");
  private static final List<String> ENTRY_KEYS = List.of("verdict", "sha256", "reason");

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
      new Reader(shown, problems).read(root, databases);
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
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

  /** Walks the node tree, collecting every problem. */
  private record Reader(String shown, List<Problem> problems) {

    void read(Node root, Map<String, Map<String, BaselineEntry>> databases) {
      Map<String, NodeTuple> top = mapping(root, "the baseline", TOP_KEYS);
      if (top == null) {
        return;
      }
      NodeTuple version = top.get("baseline");
      if (version == null) {
        problem(root, "no 'baseline: " + VERSION + "' line — write the file with 'rehearse roundtrip "
            + "--update-baseline'");
      } else if (!(version.getValueNode() instanceof ScalarNode scalar)
          || !scalar.getValue().equals(String.valueOf(VERSION))) {
        problem(version.getValueNode(), "this Rehearsal reads baseline version " + VERSION + " — write the file "
            + "again with 'rehearse roundtrip --update-baseline'");
      }
      NodeTuple all = top.get("databases");
      if (all == null) {
        problem(root, "no 'databases:' — write the file with 'rehearse roundtrip --update-baseline'");
        return;
      }
      Map<String, NodeTuple> byName = mapping(all.getValueNode(), "'databases'", null);
      if (byName == null) {
        return;
      }
      byName.forEach((name, tuple) -> {
        Map<String, NodeTuple> files = mapping(tuple.getValueNode(), "database '" + name + "'", null);
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        if (files != null) {
          files.forEach((file, entry) -> {
            BaselineEntry read = entry(file, entry);
            if (read != null) {
              entries.put(file, read);
            }
          });
        }
        databases.put(name, entries);
      });
    }

    private BaselineEntry entry(String file, NodeTuple tuple) {
      Node node = tuple.getValueNode();
      Map<String, NodeTuple> keys = mapping(node, "the entry of " + file, ENTRY_KEYS);
      if (keys == null) {
        return null;
      }
      String verdict = text(keys, "verdict", node, file);
      String sha256 = text(keys, "sha256", node, file);
      String reason = keys.containsKey("reason") ? text(keys, "reason", node, file) : "";
      if (sha256 != null && !SHA256.matcher(sha256).matches()) {
        problem(keys.get("sha256").getValueNode(), "'sha256' of " + file + " is not 64 lower-case hexadecimal "
            + "digits — write the file again with 'rehearse roundtrip --update-baseline'");
        return null;
      }
      if (verdict == null || sha256 == null || reason == null) {
        return null;
      }
      return new BaselineEntry(verdict, sha256, reason, at(tuple.getKeyNode()));
    }

    private String text(Map<String, NodeTuple> keys, String key, Node owner, String file) {
      NodeTuple tuple = keys.get(key);
      if (tuple == null) {
        problem(owner, "the entry of " + file + " has no '" + key + "'");
        return null;
      }
      if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
        problem(tuple.getValueNode(), "'" + key + "' of " + file + " must be a text");
        return null;
      }
      return scalar.getValue();
    }

    /** The keys of a mapping node; null (with a problem) when it is not one or has a key outside {@code allowed}. */
    private Map<String, NodeTuple> mapping(Node node, String what, List<String> allowed) {
      if (!(node instanceof MappingNode mapping)) {
        problem(node, what + " must be a mapping");
        return null;
      }
      Map<String, NodeTuple> keys = new LinkedHashMap<>();
      boolean ok = true;
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          problem(tuple.getKeyNode(), "a key of " + what + " must be a text");
          ok = false;
          continue;
        }
        if (allowed != null && !Set.copyOf(allowed).contains(key.getValue())) {
          problem(key, "unknown key '" + key.getValue() + "' in " + what + " — expected "
              + String.join(", ", allowed));
          ok = false;
          continue;
        }
        keys.put(key.getValue(), tuple);
      }
      return ok ? keys : null;
    }

    private SourcePosition at(Node node) {
      return YamlSource.position(shown, node.getStartMark());
    }

    private void problem(Node node, String message) {
      problems.add(new Problem(at(node), message));
    }
  }
}
