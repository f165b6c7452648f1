package dev.rehearsal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The example user project ({@code docs/examples/library-migrations}) is a module of this build, so its scenarios
 * run under Surefire with the current engine. It has no parent, as a user's project would not; this test keeps
 * the versions it pins the ones this build uses.
 */
class ExampleProjectTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  private static String value(Document pom, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, pom).strip();
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String plugin(String artifactId) {
    return "/project/build/pluginManagement/plugins/plugin[artifactId='" + artifactId + "']/version";
  }

  @Test
  void theExamplePinsTheVersionsThisBuildUses() throws Exception {
    Document root = read(REPOSITORY.resolve("pom.xml"));
    Document example = read(REPOSITORY.resolve("docs/examples/library-migrations/pom.xml"));

    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    expected.put("rehearsal-junit.version", value(root, "/project/properties/revision"));
    actual.put("rehearsal-junit.version", value(example, "/project/properties/rehearsal-junit.version"));
    expected.put("junit.version", value(root, "/project/properties/junit.version"));
    actual.put("junit.version", value(example, "/project/properties/junit.version"));
    for (String plugin : new String[] {"maven-surefire-plugin", "maven-compiler-plugin", "maven-jar-plugin",
        "maven-resources-plugin"}) {
      expected.put(plugin, value(root, plugin(plugin)));
      actual.put(plugin, value(example, plugin(plugin)));
    }
    assertEquals(expected, actual);
    assertEquals("", value(example, "/project/parent"), "a user's project has no parent here");
    assertEquals("true", value(root, "boolean(/project/modules/module[.='docs/examples/library-migrations'])"));
  }
}
