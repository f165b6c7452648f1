package dev.rehearsal.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the MyBatis Migrations repository in a project directory: a directory {@code environments/} with
 * {@code *.properties} files, and the directories near it that hold {@code <id>_<words>.sql} scripts — the default
 * {@code scripts/}, or split layouts such as {@code schema/mybatis} (the changelog) beside {@code schema/app}.
 */
final class LayoutFinder {

  private static final Pattern SCRIPT = Pattern.compile("([0-9]+)_.*\\.sql");
  /** Build output, dependencies and Rehearsal's own output: never where a repository's sources are. */
  private static final Set<String> SKIPPED = Set.of("target", "build", "node_modules", "artifacts", "backups",
      "out", "dist");
  private static final int ENVIRONMENTS_DEPTH = 6;
  private static final int SCRIPTS_DEPTH = 4;

  private LayoutFinder() {}

  /** The repository found under {@code dir} (the shallowest that has scripts), or empty when there is none. */
  static Optional<MybatisLayout> find(Path dir) {
    List<Path> roots = directories(dir, ENVIRONMENTS_DEPTH).stream()
        .filter(d -> d.getFileName() != null && d.getFileName().toString().equals("environments"))
        .filter(LayoutFinder::hasProperties).map(Path::getParent)
        .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder())).toList();
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    Path root = roots.stream().filter(r -> !scriptsDirs(r).isEmpty()).findFirst().orElse(roots.get(0));
    List<Path> others = roots.stream().filter(r -> !r.equals(root)).toList();
    List<EnvironmentFile> environments = list(root.resolve("environments")).stream()
        .filter(f -> f.getFileName().toString().endsWith(".properties")).filter(Files::isRegularFile)
        .map(EnvironmentFile::read).toList();
    List<Script> scripts = new ArrayList<>();
    List<Path> dirs = scriptsDirs(root);
    for (Path scriptsDir : dirs) {
      for (Path file : list(scriptsDir)) {
        Matcher matcher = SCRIPT.matcher(file.getFileName().toString());
        if (matcher.matches() && Files.isRegularFile(file)) {
          scripts.add(new Script(new BigDecimal(matcher.group(1)), file));
        }
      }
    }
    scripts.sort(Comparator.comparing(Script::id));
    Optional<Script> changelog = scripts.stream()
        .filter(s -> createsChangelog(s, environments.stream().map(EnvironmentFile::changelog).toList()))
        .findFirst();
    List<Path> ordered = new ArrayList<>(dirs);
    changelog.ifPresent(script -> {
      ordered.remove(script.file().getParent());
      ordered.add(0, script.file().getParent());
    });
    return Optional.of(new MybatisLayout(root, ordered, environments, scripts, changelog, others));
  }

  /** Directories under {@code root} (not {@code environments/}) that hold at least one migration script. */
  private static List<Path> scriptsDirs(Path root) {
    return directories(root, SCRIPTS_DEPTH).stream()
        .filter(d -> !d.equals(root.resolve("environments")))
        .filter(d -> list(d).stream().anyMatch(f -> SCRIPT.matcher(f.getFileName().toString()).matches()))
        .sorted().toList();
  }

  /** The changelog-creating script, as "migrate init" writes it: {@code CREATE TABLE ${changelog}}. */
  private static boolean createsChangelog(Script script, List<String> names) {
    StringBuilder alternatives = new StringBuilder("\\$\\{changelog\\}");
    names.forEach(name -> alternatives.append('|').append(Pattern.quote(name)));
    Pattern creates = Pattern.compile("create\\s+table\\s+(if\\s+not\\s+exists\\s+)?[\"`\\[]?(\\w+\\.)?("
        + alternatives + ")(?![\\w$])", Pattern.CASE_INSENSITIVE);
    try {
      String text = Files.readString(script.file(), StandardCharsets.UTF_8);
      int undo = text.indexOf("//@UNDO");
      return creates.matcher(undo < 0 ? text : text.substring(0, undo)).find();
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasProperties(Path dir) {
    return list(dir).stream().anyMatch(f -> f.getFileName().toString().endsWith(".properties"));
  }

  /** Directories under {@code root} up to {@code depth} levels, not descending into skipped ones. */
  private static List<Path> directories(Path root, int depth) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, Set.of(), depth, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          if (!dir.equals(root) && skipped(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          found.add(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look through " + root + ": " + e.getMessage(), e);
    }
    return found;
  }

  private static boolean skipped(String name) {
    return name.startsWith(".") || SKIPPED.contains(name);
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
