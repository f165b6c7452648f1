package dev.rehearsal.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever bytes a pull request puts in a scenario file, the reader answers with a scenario or with its own
 * validation error: never another exception, never a hang.
 */
class ReaderFuzzTest {

  private static final String VALID = """
      scenario: a valid scenario that the mutations start from
      databases: [sqlite]
      tags: [fuzz]
      steps:
        - apply: 20240102000000
        - seed: authors.yaml
        - seed: {rows: {authors: [{id: 9, name: "X"}]}}
        - sql: {script: "UPDATE authors SET name = 'Y';", expect_error: nope}
        - snapshot: {label: before, values: [authors.name]}
        - rollback: {steps: 1, within: 5s}
        - fail: {migration: 20240102000000, at_statement: 1, mode: disconnect}
        - apply: {to: head, expect_error: simulated}
        - backup: saved
        - corrupt_backup: {label: saved, mode: truncate}
        - restore: {label: saved, expect_error: checksum}
        - expect:
            version: head
            pending: 0
            rows: {authors: 3}
            tables: {present: [authors], absent: [nothing]}
            columns: {authors: [id, name], books: {present: [id]}}
            query: [{sql: "SELECT 1", equals: 1}, {sql: "SELECT 1, 'a'", rows: [[1, a]]}]
            schema: {same_as: before}
            data: {same_as: before, tables: [authors]}
            constraints: [{primary_key: "authors(id)"}, {not_null: authors.name}]
            indexes: [{name: ix_books_author, unique: false, method: btree}]
      """;

  private static final List<String> FRAGMENTS = List.of("\n", " ", "  ", "\t", ":", "- ", "[", "]", "{", "}", ",", "&a ",
      "*a", "!!java.io.File ", "!x ", "'", "\"", "#", "---\n", "...", "? ", "| ", "> ", "%YAML 1.2\n", "\\u0000",
      "\u00ff", "\ud83d\ude00", "99999999999999999999", "-1", "0x1F", ".inf", "null", "~", "yes", "head", "base",
      "apply", "steps", "scenario", "expect", "rows", "<<: *a\n");

  private static Path dir;
  private static ScenarioReader reader;

  @BeforeContainer
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("rehearsal-fuzz");
    Path library = Path.of("src/test/resources/library").toAbsolutePath();
    TreeSet<BigDecimal> ids = new TreeSet<>(List.of(new BigDecimal("20240101000000"),
        new BigDecimal("20240102000000")));
    reader = new ScenarioReader(new ReadContext(dir, library.resolve("fixtures"), ids, List.of("sqlite")));
  }

  @AfterContainer
  static void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  @Property(tries = 400)
  void mutatedScenariosYieldAScenarioOrAValidationError(@ForAll("mutations") String text) {
    readOnly(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 150)
  void arbitraryBytesYieldAValidationError(@ForAll("bytes") byte[] bytes) {
    readOnly(bytes);
  }

  private static void readOnly(byte[] bytes) {
    Path file = dir.resolve("fuzz.yaml");
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      reader.read(file);
    } catch (InvalidInputException expected) {
      if (expected.problems().isEmpty()) {
        throw new AssertionError("a validation error without problems");
      }
    }
  }

  @Provide
  Arbitrary<String> mutations() {
    return Combinators.combine(Arbitraries.integers().between(0, VALID.length()), Arbitraries.of(FRAGMENTS),
        Arbitraries.integers().between(0, 30), Arbitraries.integers().between(1, 6))
        .as((at, insert, delete, times) -> mutate(VALID, at, insert, delete, times));
  }

  private static String mutate(String text, int at, String insert, int delete, int times) {
    StringBuilder out = new StringBuilder(text);
    int position = at;
    for (int i = 0; i < times; i++) {
      int start = Math.min(position, out.length());
      int end = Math.min(out.length(), start + delete / (i + 1));
      out.replace(start, end, insert);
      position = (position * 31 + 17) % Math.max(1, out.length());
    }
    return out.toString();
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(400);
  }
}
