package dev.rehearsal.cli;

import dev.rehearsal.scaffold.Scaffold;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version and the repository Maven wrote into the jar. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"rehearse " + properties().getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version")};
  }

  /**
   * This installation as {@code init} writes it into a workflow: the GitHub Action of the release this version
   * comes from. A development build ({@code -SNAPSHOT}) points at the release it leads to.
   */
  static Scaffold.Installation installation() {
    Properties properties = properties();
    String version = properties.getProperty("version", "unknown").replace("-SNAPSHOT", "");
    return new Scaffold.Installation(properties.getProperty("repository") + "@v" + version, version);
  }

  private static Properties properties() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
