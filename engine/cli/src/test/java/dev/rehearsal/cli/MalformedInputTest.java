package dev.rehearsal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the malformed-input corpus (engine/core/src/test/resources/malformed) gives exactly the message and
 * exit code documented for it in expected-messages.txt, with no stack trace.
 */
class MalformedInputTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path CORPUS = ROOT.resolve("engine/core/src/test/resources/malformed");

  @TestFactory
  Stream<DynamicTest> eachMalformedFileGivesItsDocumentedMessage() throws IOException {
    Map<String, Expected> expected = expectations();
    return expected.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
      Path file = CORPUS.resolve(entry.getKey());
      Cli cli = Cli.run("validate", "--project-dir", ROOT.toString(), file.toString());
      String shown = ROOT.relativize(file).toString();
      assertEquals(entry.getValue().exitCode(), cli.exitCode(), cli.err());
      assertEquals(entry.getValue().stderr().replace("{file}", shown), cli.err());
      assertEquals("", cli.out());
      assertFalse(cli.err().contains("\tat "), "no stack trace");
    }));
  }

  @Test
  void theCorpusHasAtLeastFortyFilesAndEachIsDocumented() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(CORPUS)) {
      files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 40, "files: " + files.size());
    assertEquals(files, new ArrayList<>(expectations().keySet()));
  }

  @Test
  void debugShowsTheStackTraceOfAParseError() {
    Cli cli = Cli.run("validate", "--debug", "--project-dir", ROOT.toString(),
        CORPUS.resolve("05-tab-indentation.yaml").toString());
    assertEquals(2, cli.exitCode());
    assertTrue(cli.err().contains("\tat dev.rehearsal."), cli.err());
  }

  private record Expected(int exitCode, String stderr) {}

  /** Blocks of "== FILE exit N" followed by the expected standard error. */
  private static Map<String, Expected> expectations() throws IOException {
    Map<String, Expected> expected = new LinkedHashMap<>();
    String name = null;
    int code = 0;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(CORPUS.resolve("expected-messages.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("== ")) {
        if (name != null) {
          expected.put(name, new Expected(code, text.toString()));
        }
        String[] parts = line.substring(3).split(" exit ");
        name = parts[0];
        code = Integer.parseInt(parts[1].strip());
        text.setLength(0);
      } else {
        text.append(line).append('\n');
      }
    }
    if (name != null) {
      expected.put(name, new Expected(code, text.toString()));
    }
    return expected;
  }
}
