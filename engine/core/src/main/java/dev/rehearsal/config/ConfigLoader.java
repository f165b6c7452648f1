package dev.rehearsal.config;

import dev.rehearsal.io.PathText;
import dev.rehearsal.scenario.InvalidInputException;
import dev.rehearsal.scenario.Problem;
import dev.rehearsal.scenario.SourcePosition;
import dev.rehearsal.scenario.YamlSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code rehearsal.yaml} (optional: every key has a default) and applies overrides given as dotted keys.
 * Unknown keys are errors with their position, as in scenario files.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * The configuration of the project at {@code projectRoot}.
   *
   * @param overrides dotted keys (see {@link Constants}) that win over the file; list values comma-separated
   * @throws InvalidInputException for an unreadable file, unknown keys or values of the wrong shape
   */
  public static RehearsalConfig load(Path projectRoot, Map<String, String> overrides) {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path file = root.resolve(Constants.CONFIG_FILE);
    List<Problem> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    if (Files.exists(file)) {
      Node node = YamlSource.load(file, Constants.CONFIG_FILE, problems);
      if (node != null) {
        flatten(node, "", values, problems);
      }
    }
    Set<String> declared = databaseNames(values);
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      String key = override.getKey();
      if (!known(key)) {
        problems.add(new Problem(SourcePosition.startOf("--config " + key), "unknown configuration key '" + key
            + "' — known keys: " + String.join(", ", Constants.PATH_KEYS) + ", databases.NAME."
            + String.join("|", Constants.DATABASE_KEYS)));
      }
      if (Constants.PATH_KEYS.contains(key)) {
        PathText.problem(override.getValue()).ifPresent(wrong -> problems.add(new Problem(
            SourcePosition.startOf("--config " + key), "'" + key + "' " + wrong)));
      }
      values.put(key, override.getValue());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return build(root, values, declared, problems);
  }

  private static Set<String> databaseNames(Map<String, String> values) {
    Set<String> names = new LinkedHashSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(Constants.DATABASES_PREFIX)) {
        names.add(key.substring(Constants.DATABASES_PREFIX.length(), key.lastIndexOf('.')));
      }
    }
    return names;
  }

  private static RehearsalConfig build(Path root, Map<String, String> values, Set<String> declared,
      List<Problem> problems) {
    Path migrations = root.resolve(values.getOrDefault(Constants.MIGRATIONS, Constants.DEFAULT_MIGRATIONS))
        .normalize();
    List<Path> scripts = Arrays.stream(values.getOrDefault(Constants.SCRIPTS, Constants.DEFAULT_SCRIPTS).split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).map(s -> migrations.resolve(s).normalize()).toList();
    Set<String> names = new LinkedHashSet<>(declared);
    names.addAll(databaseNames(values));
    names.add(Constants.DEFAULT_DATABASE);
    names.add(Constants.POSTGRES);
    Set<String> byDefault = declared.isEmpty() ? Set.of(Constants.DEFAULT_DATABASE) : declared;
    List<RehearsalConfig.DatabaseConfig> databases = new ArrayList<>();
    for (String name : names) {
      String prefix = Constants.DATABASES_PREFIX + name + ".";
      Map<String, String> settings = new LinkedHashMap<>();
      values.forEach((key, value) -> {
        if (key.startsWith(prefix)) {
          settings.put(key.substring(prefix.length()), value);
        }
      });
      String run = settings.get(Constants.DATABASE_RUN_BY_DEFAULT);
      if (run != null && !run.equals("true") && !run.equals("false")) {
        problems.add(new Problem(SourcePosition.startOf(Constants.CONFIG_FILE), "'" + prefix
            + Constants.DATABASE_RUN_BY_DEFAULT + "' must be true or false, found '" + run + "'"));
      }
      databases.add(new RehearsalConfig.DatabaseConfig(name,
          settings.getOrDefault(Constants.DATABASE_KIND, name),
          settings.getOrDefault(Constants.DATABASE_ENVIRONMENT, name),
          run != null ? run.equals("true") : byDefault.contains(name), settings));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String allow = values.getOrDefault(Constants.ALLOW_OUTSIDE_PROJECT, "false");
    if (!allow.equals("true") && !allow.equals("false")) {
      throw new InvalidInputException(List.of(new Problem(SourcePosition.startOf(Constants.CONFIG_FILE), "'"
          + Constants.ALLOW_OUTSIDE_PROJECT + "' must be true or false, found '" + allow + "'")));
    }
    RehearsalConfig config = new RehearsalConfig(root, migrations, scripts,
        path(root, values, Constants.SCENARIOS, Constants.DEFAULT_SCENARIOS),
        path(root, values, Constants.FIXTURES, Constants.DEFAULT_FIXTURES),
        path(root, values, Constants.REPORTS, Constants.DEFAULT_REPORTS),
        path(root, values, Constants.BACKUPS, Constants.DEFAULT_BACKUPS),
        databases, allow.equals("true"), path(root, values, Constants.BASELINE, Constants.DEFAULT_BASELINE));
    checkInside(config, Map.of(Constants.MIGRATIONS, config.migrationsDir(), Constants.FIXTURES,
        config.fixturesDir(), Constants.BACKUPS, config.backupsDir(), Constants.BASELINE, config.baselineFile()),
        config.scriptsDirs());
    checkReports(config);
    return config;
  }

  /**
   * Reports may go anywhere the operator names (a CI job's artifact directory), but not through a symbolic link in the
   * project that leads out of it (or nowhere): a repository can hold such a link, and the reports would be written
   * wherever it points.
   */
  private static void checkReports(RehearsalConfig config) {
    if (!config.allowOutsideProject() && PathSafety.linkLeadsOut(config.projectRoot(), config.reportsDir())) {
      throw new InvalidInputException(List.of(new Problem(SourcePosition.startOf(Constants.CONFIG_FILE), "'"
          + Constants.REPORTS + "' leads to " + config.reportsDir() + " through a symbolic link that leads out of the "
          + "project root " + config.projectRoot() + " (or nowhere) — name a directory outside the project "
          + "directly (--reports DIR), or allow it with --allow-outside-project (" + Constants.ALLOW_OUTSIDE_PROJECT
          + ": true)")));
    }
  }

  /** Migrations, scripts, fixtures and backups stay inside the project root unless explicitly allowed. */
  private static void checkInside(RehearsalConfig config, Map<String, Path> paths, List<Path> scripts) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Path> all = new java.util.TreeMap<>(paths);
    for (int i = 0; i < scripts.size(); i++) {
      all.put(Constants.SCRIPTS + (scripts.size() > 1 ? "[" + i + "]" : ""), scripts.get(i));
    }
    all.forEach((key, path) -> {
      if (!config.permits(path)) {
        problems.add(new Problem(SourcePosition.startOf(Constants.CONFIG_FILE), "'" + key + "' leads to " + path
            + ", outside the project root " + config.projectRoot() + " — keep it inside, or allow it explicitly "
            + "with --allow-outside-project (" + Constants.ALLOW_OUTSIDE_PROJECT + ": true)"));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static Path path(Path root, Map<String, String> values, String key, String fallback) {
    return root.resolve(values.getOrDefault(key, fallback)).normalize();
  }

  static boolean known(String key) {
    if (Constants.PATH_KEYS.contains(key)) {
      return true;
    }
    if (!key.startsWith(Constants.DATABASES_PREFIX)) {
      return false;
    }
    String[] parts = key.split("\\.");
    return parts.length == 3 && parts[1].matches("[A-Za-z][A-Za-z0-9_-]*")
        && Constants.DATABASE_KEYS.contains(parts[2]);
  }

  private static void flatten(Node node, String prefix, Map<String, String> values, List<Problem> problems) {
    SourcePosition at = YamlSource.position(Constants.CONFIG_FILE, node.getStartMark());
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          problems.add(new Problem(at, "keys must be plain text"));
          continue;
        }
        String dotted = prefix + key.getValue();
        Node value = tuple.getValueNode();
        boolean isDatabase = dotted.matches("databases\\.[A-Za-z][A-Za-z0-9_-]*");
        if (isDatabase && value.getTag() == Tag.NULL) {
          values.putIfAbsent(dotted + "." + Constants.DATABASE_KIND, key.getValue());
          continue;
        }
        boolean isSection = value instanceof MappingNode;
        if (!isSection && !known(dotted) || isSection && !isSectionPrefix(dotted)) {
          problems.add(new Problem(YamlSource.position(Constants.CONFIG_FILE, key.getStartMark()),
              "unknown key '" + dotted + "'" + suggestion(dotted)));
          continue;
        }
        flatten(value, dotted + ".", values, problems);
        if (isDatabase) {
          values.putIfAbsent(dotted + "." + Constants.DATABASE_KIND, key.getValue());
        }
      }
      return;
    }
    String key = prefix.substring(0, prefix.length() - 1);
    if (values.containsKey(key)) {
      problems.add(new Problem(at, "duplicate key '" + key + "'"));
    } else if (node instanceof SequenceNode sequence && key.equals(Constants.SCRIPTS)) {
      List<String> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar && item.getTag() != Tag.NULL && !scalar.getValue().isBlank()) {
          PathText.problem(scalar.getValue()).ifPresentOrElse(wrong -> problems.add(new Problem(
              YamlSource.position(Constants.CONFIG_FILE, item.getStartMark()), "each item of '" + key + "' "
              + wrong)), () -> items.add(scalar.getValue()));
        } else {
          problems.add(new Problem(YamlSource.position(Constants.CONFIG_FILE, item.getStartMark()),
              "each item of '" + key + "' must be a directory name"));
        }
      }
      values.put(key, String.join(",", items));
    } else if (node instanceof ScalarNode scalar && node.getTag() != Tag.NULL && !scalar.getValue().isBlank()) {
      Optional<String> wrong = Constants.PATH_KEYS.contains(key) ? PathText.problem(scalar.getValue())
          : Optional.empty();
      if (wrong.isPresent()) {
        problems.add(new Problem(at, "'" + key + "' " + wrong.get()));
      } else {
        values.put(key, scalar.getValue());
      }
    } else {
      problems.add(new Problem(at, "'" + key + "' must be a single value"));
    }
  }

  private static boolean isSectionPrefix(String dotted) {
    return dotted.equals("paths") || dotted.equals("databases")
        || dotted.matches("databases\\.[A-Za-z][A-Za-z0-9_-]*");
  }

  private static String suggestion(String dotted) {
    return " — known keys: " + String.join(", ", Constants.PATH_KEYS) + ", databases.NAME."
        + String.join("|", Constants.DATABASE_KEYS);
  }
}
