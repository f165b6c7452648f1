package dev.rehearsal.baseline;

import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.scenario.YamlSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Walks the node tree of a baseline file, collecting every problem with its position. */
record BaselineReader(String shown, List<Problem> problems) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final List<String> TOP_KEYS = List.of("baseline", "databases");
  private static final List<String> ENTRY_KEYS = List.of("verdict", "sha256", "reason");

  /** Puts the entries of every database into {@code databases}; each problem goes to {@link #problems}. */
  void read(Node root, Map<String, Map<String, BaselineEntry>> databases) {
    Map<String, NodeTuple> top = mapping(root, "the baseline", TOP_KEYS);
    if (top == null) {
      return;
    }
    NodeTuple version = top.get("baseline");
    if (version == null) {
      problem(root, "no 'baseline: " + BaselineFile.VERSION + "' line — write the file with 'rehearse roundtrip "
          + "--update-baseline'");
    } else if (!(version.getValueNode() instanceof ScalarNode scalar)
        || !scalar.getValue().equals(String.valueOf(BaselineFile.VERSION))) {
      problem(version.getValueNode(), "this Rehearsal reads baseline version " + BaselineFile.VERSION
          + " — write the file again with 'rehearse roundtrip --update-baseline'");
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
