package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.rehearsal.run.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/scenario.schema.json and the reader decide the same way: the whole malformed-input corpus, the sample
 * scenarios and the cases below go through both, and wherever the schema can decide, they agree. What only the
 * reader can decide (it knows the repository, the fixtures and the order of steps) is listed in
 * {@link #READER_ONLY}, each with why; a file the schema accepts and the reader rejects for any other reason, and
 * any file the schema rejects while the reader accepts, fails this test.
 */
class SchemaAgreesWithReaderTest {

  /**
   * The schema's side loads a key given twice as SnakeYAML does (the last one wins), and SnakeYAML logs a warning
   * for it; the reader refuses it with a message of its own. Held here so that the level set stays set.
   */
  private static final java.util.logging.Logger SNAKEYAML = java.util.logging.Logger.getLogger("org.yaml.snakeyaml");

  static {
    SNAKEYAML.setLevel(java.util.logging.Level.SEVERE);
  }

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final Path MALFORMED = Path.of("src/test/resources/malformed").toAbsolutePath();
  /**
   * An unquoted 2020-01-01 is a YAML 1.1 timestamp to SnakeYAML but a string to YAML 1.2 and to editors' schema
   * checks: as text here too, so the schema's date pattern is what decides.
   */
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setDateFormat(new java.text.SimpleDateFormat("yyyy-MM-dd", java.util.Locale.ROOT));

  /** The schema accepts these, the reader rejects them, and no JSON Schema could know better. */
  private static final Map<String, String> READER_ONLY = new TreeMap<>(Map.ofEntries(
      Map.entry("17-unknown-migration-id.yaml", "migration ids are the repository's"),
      Map.entry("18-far-migration-id.yaml", "migration ids are the repository's"),
      Map.entry("28-missing-fixture.yaml", "fixtures are files of the project"),
      Map.entry("29-fixture-outside.yaml", "where a fixture path leads is the file system's"),
      Map.entry("33-duplicate-key.yaml", "a YAML loader keeps one of the two values before the schema sees them"),
      Map.entry("38-unknown-database.yaml", "databases are rehearsal.yaml's"),
      Map.entry("43-unknown-label.yaml", "labels are defined by earlier steps"),
      Map.entry("54-control-characters-in-values.yaml", "databases are rehearsal.yaml's"),
      Map.entry("44-restore-a-snapshot.yaml", "which labels are backups depends on earlier steps"),
      Map.entry("case-unknown-label.yaml", "labels are defined by earlier steps"),
      Map.entry("case-roundtrip-from-after-to.yaml", "the order of migration ids is the repository's")));

  /** Cases like the ones a new user hit, written as scenario files. */
  private static final Map<String, String> CASES = new LinkedHashMap<>();

  static {
    CASES.put("case-snapshot-values-one-column.yaml", "- snapshot: {label: s, values: users.email}");
    CASES.put("case-roundtrip-from-without-to.yaml", "- roundtrip: {from: 20250105000000}");
    CASES.put("case-roundtrip-last-and-from.yaml", "- roundtrip: {last: 2, from: 20250105000000}");
    CASES.put("case-roundtrip-within-only.yaml", "- roundtrip: {within: 2min}");
    CASES.put("case-roundtrip-empty-map.yaml", "- roundtrip: {}");
    CASES.put("case-roundtrip-from-after-to.yaml", "- roundtrip: {from: 20250106000000, to: 20250105000000}");
    CASES.put("case-primary-key-without-parentheses.yaml", "- expect: {constraints: [{primary_key: \"users id\"}]}");
    CASES.put("case-primary-key-two-columns.yaml", "- expect: {constraints: [{primary_key: \"post_tags(post_id, tag_id)\"}]}");
    CASES.put("case-foreign-key-without-arrow.yaml", "- expect: {constraints: [{foreign_key: \"a(b) c(d)\"}]}");
    CASES.put("case-foreign-key.yaml", "- expect: {constraints: [{foreign_key: \"posts(user_id) -> users(id)\"}]}");
    CASES.put("case-not-null-without-table.yaml", "- expect: {constraints: [{not_null: email}]}");
    CASES.put("case-seed-value-is-a-map.yaml", "- seed: {rows: {users: [{id: 1, email: {at: example.com}}]}}");
    CASES.put("case-seed-value-is-a-list.yaml", "- seed: {rows: {users: [{id: 1, email: [a, b]}]}}");
    CASES.put("case-fail-without-at-statement.yaml", "- fail: {migration: 20250105000000}");
    CASES.put("case-fail-disconnect-without-at-statement.yaml",
        "- fail: {migration: 20250105000000, mode: disconnect}");
    CASES.put("case-fail-after-commit.yaml", "- fail: {migration: 20250105000000, mode: after_commit}\n"
        + "- apply: {to: head, expect_error: {class: simulated_failure}}");
    CASES.put("case-fail-after-commit-at-statement.yaml",
        "- fail: {migration: 20250105000000, mode: after_commit, at_statement: 1}");
    CASES.put("case-fail-after-commit-down.yaml",
        "- fail: {migration: 20250105000000, mode: after_commit, direction: down}");
    CASES.put("case-rollback-to-and-steps.yaml", "- rollback: {to: base, steps: 1}");
    CASES.put("case-rollback-neither.yaml", "- rollback: {expect_error: x}");
    CASES.put("case-seed-file-and-rows.yaml", "- seed: {file: users.yaml, rows: {users: [{id: 1}]}}");
    CASES.put("case-expect-error-class.yaml", "- sql: {script: \"DELETE FROM users;\", expect_error: {class: unique_violation}}");
    CASES.put("case-expect-error-list.yaml",
        "- sql: {script: \"DELETE FROM users;\", expect_error: [{class: check_violation, message: ck}, gone]}");
    CASES.put("case-expect-error-unknown-class.yaml",
        "- sql: {script: \"DELETE FROM users;\", expect_error: {class: unique}}");
    CASES.put("case-expect-error-message-only.yaml",
        "- sql: {script: \"DELETE FROM users;\", expect_error: {message: x}}");
    CASES.put("case-restore-expect-error-class.yaml",
        "- backup: b\n- restore: {label: b, expect_error: {class: unique_violation}}");
    CASES.put("case-seed-generate.yaml", "- seed: {generate: {table: orders, rows: 2000000, seed: 3, columns: "
        + "{customer_id: {range: [1, 50000]}, status: {one_of: [paid, shipped]}, note: {text: 40}, "
        + "created_at: {dates: [2020-01-01, 2025-12-31]}}}}");
    CASES.put("case-seed-generate-two-rules.yaml",
        "- seed: {generate: {table: orders, rows: 5, columns: {note: {text: 4, range: [1, 2]}}}}");
    CASES.put("case-seed-generate-with-file.yaml", "- seed: {file: users.yaml, generate: {table: orders, rows: 5}}");
    CASES.put("case-seed-generate-without-rows.yaml", "- seed: {generate: {table: orders}}");
    CASES.put("case-seed-generate-bad-date.yaml",
        "- seed: {generate: {table: orders, rows: 5, columns: {d: {dates: [yesterday, 2020-01-01]}}}}");
    CASES.put("case-trace-and-lock-checks.yaml", "- apply: {to: head, trace: true}\n"
        + "- rollback: {to: base, trace: true}\n"
        + "- expect: {locks: {orders: {at_most: share update exclusive}}, rewrites: {absent: [orders], present: x}}");
    CASES.put("case-lock-check-unknown-mode.yaml", "- expect: {locks: {orders: {at_most: SHARE EVERYTHING}}}");
    CASES.put("case-lock-check-without-at-most.yaml", "- expect: {locks: {orders: {}}}");
    CASES.put("case-trace-not-a-boolean.yaml", "- apply: {to: head, trace: maybe}");
    CASES.put("case-roundtrip-traced.yaml", "- roundtrip: {trace: true}");
    CASES.put("case-roundtrip-traced-within.yaml", "- roundtrip: {trace: true, within: 2min, last: 1}");
    CASES.put("case-roundtrip-trace-not-a-boolean.yaml", "- roundtrip: {trace: always}");
    CASES.put("case-unknown-label.yaml", "- expect: {schema: {same_as: nowhere}}");
  }

  private static JsonSchema schema;
  private static ReadContext context;

  @TempDir
  static Path cases;

  @BeforeAll
  static void loadTheSchemaAndTheRepository() throws IOException {
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(JSON.readTree(REPOSITORY.resolve("docs/scenario.schema.json").toFile()));
    context = Project.open(REPOSITORY, Map.of()).readContext();
    for (Map.Entry<String, String> c : CASES.entrySet()) {
      String steps = c.getValue().lines().map(line -> "  " + line + "\n").reduce("", String::concat);
      Files.writeString(cases.resolve(c.getKey()), "scenario: a case\nsteps:\n  - apply: 20250104000000\n" + steps);
    }
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** What the schema says, or null when the file is no YAML document it could be given. */
  private static Boolean schemaAccepts(Path file) {
    JsonNode document;
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
      document = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    } catch (IOException | RuntimeException | StackOverflowError notADocument) {
      // A cyclic anchor loads as a structure that contains itself: no JSON document either.
      return null;
    }
    return schema.validate(document).isEmpty();
  }

  private static boolean readerAccepts(Path file) {
    try {
      new ScenarioReader(context).read(file);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  @Test
  void theSchemaAndTheReaderAgreeOnTheCorpusTheSamplesAndTheCases() throws IOException {
    List<Path> files = new ArrayList<>(files(MALFORMED));
    files.addAll(files(REPOSITORY.resolve("scenarios")));
    files.addAll(files(cases));
    List<String> disagreements = new ArrayList<>();
    Set<String> readerOnlyUsed = new java.util.TreeSet<>();
    int decided = 0;
    for (Path file : files) {
      Boolean bySchema = schemaAccepts(file);
      boolean byReader = readerAccepts(file);
      String name = file.getFileName().toString();
      if (bySchema == null) {
        // Not YAML a schema is ever given (a syntax error, a tab, bad UTF-8, a tag): the reader rejects it.
        if (byReader) {
          disagreements.add(name + ": not a YAML document, yet the reader accepts it");
        }
        continue;
      }
      decided++;
      if (bySchema && !byReader && READER_ONLY.containsKey(name)) {
        readerOnlyUsed.add(name);
      } else if (bySchema != byReader) {
        disagreements.add(name + ": the schema " + (bySchema ? "accepts" : "rejects") + " it, the reader "
            + (byReader ? "accepts" : "rejects") + " it");
      }
    }

    assertEquals(List.of(), disagreements);
    assertEquals(READER_ONLY.keySet(), readerOnlyUsed, "a reader-only case the schema now decides, or that moved");
    assertFalse(decided < CASES.size());
  }

  @Test
  void theVolumeSampleProjectsScenariosAreValidToBoth() throws IOException {
    Path project = REPOSITORY.resolve("examples/volume");
    ReadContext volume = Project.open(project, Map.of()).readContext();
    List<String> rejected = new ArrayList<>();
    for (Path file : files(project.resolve("scenarios"))) {
      if (!Boolean.TRUE.equals(schemaAccepts(file))) {
        rejected.add(file.getFileName() + ": the schema rejects it");
      }
      try {
        new ScenarioReader(volume).read(file);
      } catch (InvalidInputException e) {
        rejected.add(file.getFileName() + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), rejected);
    assertEquals(5, files(project.resolve("scenarios")).size());
  }

  /** Keywords of draft-07 that the schema may use; anything else is a typo that validators ignore. */
  private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$ref", "title", "description", "type",
      "enum", "const", "properties", "additionalProperties", "required", "items", "minItems", "maxItems",
      "uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum", "minProperties", "maxProperties",
      "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "definitions", "default", "examples",
      "propertyNames", "patternProperties");

  /**
   * The check strict validators (ajv's strict mode) make and the build's validator does not: every key is a
   * keyword, every {@code required} property is defined in the {@code properties} of the same schema, and every
   * {@code $ref} resolves.
   */
  @Test
  void theSchemaCompilesInStrictMode() throws IOException {
    JsonNode root = JSON.readTree(REPOSITORY.resolve("docs/scenario.schema.json").toFile());
    List<String> problems = new ArrayList<>();
    strict(root, "#", root, problems);

    assertEquals(List.of(), problems);
  }

  private static void strict(JsonNode node, String at, JsonNode root, List<String> problems) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext();) {
      String key = keys.next();
      if (!KEYWORDS.contains(key)) {
        problems.add(at + ": unknown keyword '" + key + "'");
      }
    }
    if (node.has("required")) {
      for (JsonNode name : node.get("required")) {
        if (!node.path("properties").has(name.asText())) {
          problems.add(at + ": required property '" + name.asText() + "' is not defined in its properties");
        }
      }
    }
    if (node.has("$ref") && root.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
      problems.add(at + ": $ref " + node.get("$ref").asText() + " leads nowhere");
    }
    for (String map : List.of("properties", "definitions", "patternProperties")) {
      node.path(map).properties().forEach(e -> strict(e.getValue(), at + "/" + map + "/" + e.getKey(), root,
          problems));
    }
    for (String one : List.of("items", "additionalProperties", "not", "if", "then", "else", "propertyNames")) {
      strict(node.path(one), at + "/" + one, root, problems);
    }
    for (String many : List.of("oneOf", "anyOf", "allOf")) {
      for (int i = 0; i < node.path(many).size(); i++) {
        strict(node.path(many).get(i), at + "/" + many + "/" + i, root, problems);
      }
    }
  }
}
