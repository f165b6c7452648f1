package dev.rehearsal.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.io.BoundedFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A manifest as JSON, written and read. Reading checks the file's type before opening it, reads at most
 * {@value #LIMIT} bytes, refuses duplicate keys, and checks every field ({@link ManifestFields}) before anything
 * trusts it.
 */
final class ManifestJson {

  static final int LIMIT = 64 << 20;

  private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  static String write(Manifest manifest) {
    try {
      return JSON.writeValueAsString(manifest) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest is always JSON", e);
    }
  }

  /**
   * Reads and checks the manifest at {@code file}.
   *
   * @throws BackupException naming the file and every field that is wrong
   */
  static Manifest read(Path file) {
    String problem = BoundedFile.problem(file);
    if (problem != null) {
      throw new BackupException("the manifest " + file + (problem.equals("does not exist") ? " not found"
          : " is " + problem) + " — a backup without its manifest cannot be trusted");
    }
    JsonNode root;
    try {
      root = READER.readTree(BoundedFile.read(file, LIMIT));
    } catch (JsonProcessingException e) {
      throw new BackupException("the manifest " + file + " is not valid JSON: line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + ManifestFields.shown(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BackupException("cannot read the manifest " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BackupException("the manifest " + file + " is not a JSON object");
    }
    ManifestFields fields = new ManifestFields(root);
    Manifest manifest = fields.manifest();
    if (!fields.problems.isEmpty()) {
      throw new BackupException("the manifest " + file + " is not valid: " + String.join("; ", fields.problems));
    }
    return manifest;
  }
}
