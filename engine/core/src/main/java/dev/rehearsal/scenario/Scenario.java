package dev.rehearsal.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A validated scenario file.
 *
 * @param file the file as shown to users (relative to the project root when inside it)
 * @param name the {@code scenario:} sentence
 * @param databases the databases it runs on; empty means every configured database
 * @param tags free-form tags for filtering
 * @param steps the steps, in order, at least one
 * @param allow the declared exceptions of its round-trips ({@link Allow#NONE} when it declares none)
 */
public record Scenario(String file, String name, List<String> databases, List<String> tags, List<Step> steps,
    Allow allow, SourcePosition position) {

  public Scenario {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    databases = List.copyOf(databases);
    tags = List.copyOf(tags);
    steps = List.copyOf(steps);
    Objects.requireNonNull(allow, "allow");
    Objects.requireNonNull(position, "position");
  }
}
