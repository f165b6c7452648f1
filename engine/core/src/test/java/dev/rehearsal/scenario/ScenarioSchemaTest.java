package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/scenario.schema.json}, which editors use to complete and check scenario files, against the sample
 * scenarios and against the reader: both must know the same keys, so adding a key to one side fails here until
 * the other side has it.
 */
class ScenarioSchemaTest {

  private static final Path REPOSITORY = Path.of("../..");
  private static final String HEADER = "# yaml-language-server: $schema=../docs/scenario.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schemaNode;
  private static JsonSchema schema;

  @BeforeAll
  static void loadTheSchema() throws IOException {
    schemaNode = JSON.readTree(REPOSITORY.resolve("docs/scenario.schema.json").toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaNode);
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(REPOSITORY.resolve("scenarios"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static JsonNode yaml(Path file) throws IOException {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    return JSON.valueToTree(document);
  }

  private static List<String> errors(Path file) throws IOException {
    return schema.validate(yaml(file)).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** The property names of a definition ({@code "#"} for the root). */
  private static Set<String> keysOf(String definition) {
    JsonNode node = definition.equals("#") ? schemaNode : schemaNode.path("definitions").path(definition);
    Set<String> keys = new TreeSet<>();
    node.path("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void everySampleScenarioPointsEditorsAtTheSchemaAndIsValid() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : samples()) {
      if (!Files.readAllLines(file).get(0).equals(HEADER)) {
        problems.add(file.getFileName() + ": the first line is not '" + HEADER + "'");
      }
      errors(file).forEach(e -> problems.add(file.getFileName() + ": " + e));
    }

    assertFalse(samples().isEmpty());
    assertEquals(List.of(), problems);
  }

  @Test
  void theSchemaAndTheReaderKnowTheSameKeys() {
    Map<String, List<String>> reader = Map.ofEntries(
        Map.entry("#", ScenarioReader.TOP_LEVEL_KEYS),
        Map.entry("step", StepParser.STEP_KINDS),
        Map.entry("applyMap", StepParser.APPLY_KEYS),
        Map.entry("rollbackMap", StepParser.ROLLBACK_KEYS),
        Map.entry("sqlMap", StepParser.SQL_KEYS),
        Map.entry("snapshotMap", StepParser.SNAPSHOT_KEYS),
        Map.entry("restoreMap", StepParser.RESTORE_KEYS),
        Map.entry("corruptBackupMap", StepParser.CORRUPT_BACKUP_KEYS),
        Map.entry("failMap", FailParser.KEYS),
        Map.entry("roundtripMap", RoundtripParser.ROUNDTRIP_KEYS),
        Map.entry("allowMap", RoundtripParser.ALLOW_KEYS),
        Map.entry("seedMap", FixtureParser.SEED_KEYS),
        Map.entry("expect", ExpectParser.EXPECTATION_KEYS),
        Map.entry("tablesMap", ExpectParser.PRESENT_ABSENT),
        Map.entry("columnsMap", ExpectParser.PRESENT_ABSENT),
        Map.entry("queryMap", ExpectParser.QUERY_KEYS),
        Map.entry("schemaMap", ExpectParser.SCHEMA_KEYS),
        Map.entry("dataMap", ExpectParser.DATA_KEYS),
        Map.entry("constraintMap", ExpectParser.CONSTRAINT_KINDS),
        Map.entry("indexMap", ExpectParser.INDEX_KEYS),
        Map.entry("errorClassMap", ErrorParser.KEYS));

    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : new java.util.TreeMap<>(reader).entrySet()) {
      Set<String> inReader = new TreeSet<>(entry.getValue());
      Set<String> inSchema = keysOf(entry.getKey());
      if (!inReader.equals(inSchema)) {
        differences.add(entry.getKey() + ": the reader knows " + inReader + ", the schema " + inSchema);
      }
    }
    assertEquals(List.of(), differences, "update docs/scenario.schema.json and the reader together");
  }

  @Test
  void theSchemaAndTheReaderKnowTheSameErrorClasses() {
    List<String> inSchema = new ArrayList<>();
    schemaNode.path("definitions").path("errorClass").path("enum").forEach(n -> inSchema.add(n.asText()));

    assertEquals(ErrorClass.labels(), inSchema);
  }

  @Test
  void theSchemaRejectsWhatTheReaderRejects() throws IOException {
    Path broken = Path.of("src/test/resources/broken");

    assertEquals(List.of("$: property 'scenaro' is not defined in the schema and the schema does not allow "
        + "additional properties", "$: required property 'scenario' not found"), errors(broken.resolve(
            "unknown-top-level-key.yaml")));
    assertFalse(errors(broken.resolve("unknown-step.yaml")).isEmpty());
    assertFalse(errors(broken.resolve("step-with-two-keys.yaml")).isEmpty());
    assertFalse(errors(broken.resolve("negative-counts.yaml")).isEmpty());
    assertFalse(errors(broken.resolve("missing-steps.yaml")).isEmpty());
  }
}
