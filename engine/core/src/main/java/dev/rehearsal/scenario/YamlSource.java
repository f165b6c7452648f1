package dev.rehearsal.scenario;

import dev.rehearsal.io.BoundedFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns a file into one SnakeYAML node tree, safely: strict UTF-8, one document, bounded size, aliases and depth,
 * and only the standard tags (no tag can ask for an object to be constructed, because nothing is constructed at
 * all: only the node API is used).
 */
public final class YamlSource {

  static final int MAX_CODE_POINTS = 2 * 1024 * 1024;
  /** The largest file read, checked before reading: a scenario or fixture is never near it. */
  static final int MAX_BYTES = 2 * 1024 * 1024;
  /** Few enough that no arrangement of aliases can expand to more than a few thousand nodes. */
  static final int MAX_ALIASES = 20;
  static final int MAX_DEPTH = 40;

  private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
      Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

  private YamlSource() {}

  /** The root node of {@code file}, or null when it cannot be read; every reason is added to {@code problems}. */
  public static Node load(Path file, String shown, List<Problem> problems) {
    byte[] bytes = read(file, shown, problems);
    if (bytes == null) {
      return null;
    }
    String text = decode(bytes, shown, problems);
    if (text == null) {
      return null;
    }
    return compose(text, shown, problems);
  }

  /** The bytes of {@code file}, read within {@link #MAX_BYTES} ({@link BoundedFile}), or null with a problem. */
  private static byte[] read(Path file, String shown, List<Problem> problems) {
    try {
      return BoundedFile.read(file, MAX_BYTES);
    } catch (BoundedFile.Refused e) {
      String message = e.getMessage();
      problems.add(new Problem(SourcePosition.startOf(shown), message.startsWith("larger")
          ? "the file is " + message + " — split it" : message + " — give a YAML file"));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(SourcePosition.startOf(shown), "cannot read the file (" + e.getMessage() + ")"));
      return null;
    }
  }

  private static String decode(byte[] bytes, String shown, List<Problem> problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      String text = decoder.decode(in).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String byteText = bad < bytes.length ? String.format(" (byte 0x%02X)", bytes[bad] & 0xff) : "";
      problems.add(new Problem(new SourcePosition(shown, line, bad - lineStart + 1),
          "the file is not valid UTF-8" + byteText + " — save it as UTF-8 text"));
      return null;
    }
  }

  private static Node compose(String text, String shown, List<Problem> problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
      if (!documents.hasNext()) {
        problems.add(new Problem(SourcePosition.startOf(shown), "the file is empty — write a YAML mapping"));
        return null;
      }
      Node root = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        problems.add(new Problem(position(shown, second.getStartMark()),
            "a second YAML document starts here — keep one document per file"));
        return null;
      }
      int before = problems.size();
      checkTree(root, shown, problems, 0, new IdentityHashMap<>());
      return problems.size() == before ? root : null;
    } catch (ReaderException e) {
      problems.add(new Problem(at(text, e.getPosition(), shown), String.format("the character U+%04X is not allowed "
          + "in YAML — remove it (control characters other than tab and line breaks cannot appear in the file)",
          e.getCodePoint())));
      return null;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourcePosition at = mark == null ? SourcePosition.startOf(shown) : position(shown, mark);
      problems.add(new Problem(at, describe(e)));
      return null;
    } catch (YAMLException e) {
      String message = firstLine(e.getMessage());
      if (message.contains("Nesting Depth exceeded")) {
        message = "nesting deeper than " + MAX_DEPTH + " levels — a scenario never needs that";
      } else if (message.contains("Number of aliases for non-scalar nodes exceeds")) {
        message = "more than " + MAX_ALIASES + " aliases to lists or mappings — write the values out instead";
      } else if (message.contains("code points")) {
        message = "the file is larger than " + MAX_CODE_POINTS + " characters — split it";
      } else {
        message = "cannot parse the file: " + message;
      }
      problems.add(new Problem(SourcePosition.startOf(shown), message));
      return null;
    }
  }

  private static String describe(MarkedYAMLException e) {
    // SnakeYAML repeats alias and anchor names; the file may not be a scenario at all, so they are not shown.
    String problem = e.getProblem() == null ? "" : e.getProblem().replaceAll("\\b(alias|anchor) [^\\s;]+", "$1");
    String context = e.getContext() == null ? "" : e.getContext().replaceAll("\\b(alias|anchor) [^\\s;]+", "$1")
        + ": ";
    String text = "invalid YAML: " + context + problem;
    if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || problem.contains("TAB")) {
      return text + " — indent with spaces, not tabs";
    }
    if (problem.startsWith("Global tag is not allowed")) {
      // SnakeYAML rejects global tags (!!java.io.File) while composing, before checkTree can name them.
      return text + " — remove it; scenario files use plain YAML";
    }
    if (problem.contains("found duplicate key")) {
      return text + " — each key may appear once in a mapping";
    }
    if (problem.contains("end of stream") || problem.contains("<stream end>")) {
      return text + " — the file ends inside a value: close the quote or bracket that opens it";
    }
    return text;
  }

  private static void checkTree(Node node, String shown, List<Problem> problems, int depth,
      Map<Node, Boolean> onPath) {
    if (onPath.containsKey(node)) {
      problems.add(new Problem(position(shown, node.getStartMark()),
          "an alias refers to a node that contains it — cyclic anchors are not allowed"));
      return;
    }
    if (depth > MAX_DEPTH) {
      problems.add(new Problem(position(shown, node.getStartMark()),
          "nesting deeper than " + MAX_DEPTH + " levels — a scenario never needs that"));
      return;
    }
    if (!ALLOWED_TAGS.contains(node.getTag())) {
      problems.add(new Problem(position(shown, node.getStartMark()),
          "the tag " + node.getTag().getValue() + " is not allowed — remove it; scenario files use plain YAML"));
      return;
    }
    onPath.put(node, Boolean.TRUE);
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : new ArrayList<>(mapping.getValue())) {
        checkTree(tuple.getKeyNode(), shown, problems, depth + 1, onPath);
        checkTree(tuple.getValueNode(), shown, problems, depth + 1, onPath);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        checkTree(item, shown, problems, depth + 1, onPath);
      }
    }
    onPath.remove(node);
  }

  /** The line and column of the {@code index}-th code point of {@code text}, as SnakeYAML's reader counts them. */
  private static SourcePosition at(String text, int index, String shown) {
    int line = 1;
    int column = 1;
    int offset = 0;
    for (int i = 0; i < index && offset < text.length(); i++) {
      int c = text.codePointAt(offset);
      offset += Character.charCount(c);
      if (c == '\n' || (c == '\r' && (offset >= text.length() || text.charAt(offset) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return new SourcePosition(shown, line, column);
  }

  public static SourcePosition position(String shown, Mark mark) {
    return new SourcePosition(shown, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String firstLine(String message) {
    return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
  }
}
