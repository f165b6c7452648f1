package dev.rehearsal.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * The POMs that {@code mvn install} and a release deploy for the two artifacts Java teams depend on (the flatten
 * plugin's output, built before the tests): final coordinates, the version this build makes, no
 * parent to resolve, and every element Maven Central requires.
 */
class ReleaseMetadataTest {

  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {"core", "junit"})
  void theDeployedPomHasItsCoordinatesAndWhatMavenCentralRequires(String module) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(REPOSITORY.resolve("engine/" + module + "/target/.flattened-pom.xml").toFile());
    Document root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(REPOSITORY.resolve("pom.xml").toFile());
    String repository = value(root, "/project/properties/rehearsal.repository");

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("groupId", "dev.rehearsal");
    expected.put("artifactId", "rehearsal-" + module);
    expected.put("version", System.getProperty("build.version", value(root, "/project/properties/revision")));
    expected.put("parent", "");
    expected.put("url", "https://github.com/" + repository);
    expected.put("licenses/license/name", "Apache-2.0");
    expected.put("licenses/license/url", "https://www.apache.org/licenses/LICENSE-2.0.txt");
    expected.put("scm/url", "https://github.com/" + repository);
    expected.put("scm/connection", "scm:git:https://github.com/" + repository + ".git");
    expected.put("scm/developerConnection", "scm:git:git@github.com:" + repository + ".git");
    expected.put("developers/developer/name", "The Rehearsal developers");
    Map<String, String> actual = new LinkedHashMap<>();
    expected.keySet().forEach(key -> actual.put(key, value(pom, "/project/" + key)));
    assertEquals(expected, actual);
    assertTrue(value(pom, "/project/name").startsWith("Rehearsal "), value(pom, "/project/name"));
    assertTrue(value(pom, "/project/description").length() > 20, value(pom, "/project/description"));
    assertEquals("", value(pom, "//*[contains(text(), '${')]"), "every property is resolved");
  }

  private static String value(Document document, String xpath) {
    try {
      return XPathFactory.newInstance().newXPath().evaluate(xpath, document).strip();
    } catch (javax.xml.xpath.XPathExpressionException e) {
      throw new IllegalArgumentException(xpath, e);
    }
  }
}
