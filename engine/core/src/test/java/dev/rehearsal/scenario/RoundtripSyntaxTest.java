package dev.rehearsal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code roundtrip} step and the {@code allow} key as the reader reads them, and every way to get them wrong. */
class RoundtripSyntaxTest {

  private static final List<BigDecimal> IDS = List.of(new BigDecimal("20240101000000"),
      new BigDecimal("20240102000000"), new BigDecimal("20240103000000"));

  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("s.yaml"), yaml);
  }

  private Scenario read(String yaml) throws IOException {
    return new ScenarioReader(new ReadContext(dir, dir, new TreeSet<>(IDS), List.of("sqlite"))).read(write(yaml));
  }

  private String problems(String yaml) throws IOException {
    Path file = write(yaml);
    ScenarioReader reader = new ScenarioReader(new ReadContext(dir, dir, new TreeSet<>(IDS), List.of("sqlite")));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read(file));
    return e.problems().stream().map(p -> p + "\n").collect(Collectors.joining());
  }

  private static SourcePosition at(int line, int column) {
    return new SourcePosition("s.yaml", line, column);
  }

  @Test
  void readsEveryFormOfTheStepAndTheDeclaredExceptions() throws IOException {
    Scenario scenario = read("""
        scenario: round-trips
        allow:
          irreversible: [20240102000000]
          lossy: [Users.Legacy_Email]
        steps:
          - roundtrip: all
          - roundtrip: {last: 2}
          - roundtrip: {from: 20240101000000, to: 20240102000000}
        """);

    Allow allow = new Allow(List.of(new BigDecimal("20240102000000")), List.of("users.legacy_email"));
    assertEquals(allow, scenario.allow());
    assertEquals(List.of(
        new RoundtripStep(new RoundtripStep.Range.All(), allow, at(6, 5)),
        new RoundtripStep(new RoundtripStep.Range.Last(2), allow, at(7, 5)),
        new RoundtripStep(new RoundtripStep.Range.Between(new BigDecimal("20240101000000"),
            new BigDecimal("20240102000000")), allow, at(8, 5))), scenario.steps());
    assertEquals(List.of("roundtrip all", "roundtrip last 2", "roundtrip from 20240101000000 to 20240102000000"),
        scenario.steps().stream().map(Step::describe).toList());
  }

  @Test
  void withoutAllowNothingIsDeclared() throws IOException {
    Scenario scenario = read("scenario: s\nsteps:\n  - roundtrip: all\n");

    assertEquals(Allow.NONE, scenario.allow());
    assertEquals(Allow.NONE, ((RoundtripStep) scenario.steps().get(0)).allow());
  }

  @Test
  void reportsEveryMalformedRoundtrip() throws IOException {
    assertEquals("""
        s.yaml:3:16: 'roundtrip' must be all, {last: N} or {from: ID, to: ID}, found the text 'everything'
        s.yaml:4:23: 'roundtrip.last' is 4 but the repository has 3 migrations — use 3 or 'roundtrip: all'
        s.yaml:5:23: 'roundtrip.last' must be at least 1, found 0
        s.yaml:6:16: 'roundtrip' needs 'to'
        s.yaml:7:23: 'roundtrip.from' (20240103000000) comes after 'roundtrip.to' (20240101000000) — 'from' names \
        the oldest migration of the range
        s.yaml:8:23: 'roundtrip' takes either 'last' or 'from' and 'to', not both
        s.yaml:9:23: unknown migration id 20240109000000 — did you mean 20240101000000?
        s.yaml:10:17: unknown key 'frm' in 'roundtrip' — did you mean 'from'?
        s.yaml:11:16: 'roundtrip' must be all, {last: N} or {from: ID, to: ID}, found a list
        """, problems("""
        scenario: s
        steps:
          - roundtrip: everything
          - roundtrip: {last: 4}
          - roundtrip: {last: 0}
          - roundtrip: {from: 20240101000000}
          - roundtrip: {from: 20240103000000, to: 20240101000000}
          - roundtrip: {last: 1, from: 20240101000000}
          - roundtrip: {from: 20240109000000, to: 20240102000000}
          - roundtrip: {frm: 20240101000000, to: 20240102000000}
          - roundtrip: [all]
        """));
  }

  @Test
  void reportsEveryMalformedAllow() throws IOException {
    assertEquals("""
        s.yaml:3:34: unknown migration id 20240104000000 — did you mean 20240101000000?
        s.yaml:3:50: migration 20240101000000 is listed twice in 'allow.irreversible' — list each once
        s.yaml:4:11: 'legacy_email' is not TABLE.COLUMN — name each column whose values a rollback may lose with \
        its table, e.g. users.legacy_email
        s.yaml:4:41: 'USERS.nickname' is listed twice in 'allow.lossy' — list each once
        s.yaml:5:3: unknown key 'irreversable' in 'allow' — did you mean 'irreversible'?
        """, problems("""
        scenario: s
        allow:
          irreversible: [20240101000000, 20240104000000, 20240101000000]
          lossy: [legacy_email, users.nickname, USERS.nickname]
          irreversable: [20240102000000]
        steps:
          - roundtrip: all
        """));
  }

  @Test
  void allowNeedsARoundtripAndSomethingToDeclare() throws IOException {
    assertEquals("""
        s.yaml:2:1: 'allow' declares exceptions for round-trips, and this scenario has no 'roundtrip' step — add \
        one, or remove 'allow'
        """, problems("""
        scenario: s
        allow: {lossy: [users.legacy_email]}
        steps:
          - apply: head
        """));
    assertEquals("""
        s.yaml:2:8: 'allow' is empty — declare 'irreversible' migration ids or 'lossy' columns, or leave the key out
        """, problems("""
        scenario: s
        allow: {}
        steps:
          - roundtrip: all
        """));
    assertEquals("""
        s.yaml:3:10: 'allow.lossy' is empty — list at least one item or leave the key out
        """, problems("""
        scenario: s
        allow:
          lossy: []
        steps:
          - roundtrip: all
        """));
  }
}
