package dev.rehearsal.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file {@code restore: {file: ...}} restores: the path itself, or the newest match of a glob. The newest is the
 * match whose name sorts last, digits compared as numbers ({@code nightly-2025-01-10.dump} after
 * {@code nightly-2025-01-09.dump}, {@code dump-10} after {@code dump-9}), ties broken by the whole relative path:
 * names are what backup jobs stamp with their date, while modification times change when a file is copied (an
 * artifact download, {@code cp} without {@code -p}). Hidden files, checksums ({@code .sha256}), manifests
 * ({@code .manifest.json}) and partial files ({@code .partial}) never match.
 */
public final class BackupFileChoice {

  private static final Pattern RUNS = Pattern.compile("\\d+|\\D+");

  private BackupFileChoice() {}

  /**
   * @param written the path as written, relative to {@code root}; {@code {database}} stands for {@code database}
   * @throws StepFailure when the file, or any match, is not there
   */
  public static Path choose(String written, String database, Path root) {
    String path = written.replace("{database}", database);
    int glob = dev.rehearsal.scenario.RestoreFileStep.globStart(path);
    if (glob < 0) {
      Path file = root.resolve(path).normalize();
      if (!Files.exists(file)) {
        throw new StepFailure("backup file " + path + " not found (in " + root + ") — fetch it before the run, or fix "
            + "'restore.file'");
      }
      return file;
    }
    int slash = path.lastIndexOf('/', glob);
    Path base = root.resolve(slash < 0 ? "." : path.substring(0, slash + 1)).normalize();
    String pattern = path.substring(slash + 1);
    if (!Files.isDirectory(base)) {
      throw new StepFailure("no file matches " + path + ": the directory " + base + " does not exist — fetch the "
          + "backup before the run, or fix 'restore.file'");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length;
    try (Stream<Path> walk = Files.walk(base, depth)) {
      List<Path> matches = walk.filter(Files::isRegularFile).filter(p -> candidate(p.getFileName().toString()))
          .filter(p -> matcher.matches(Path.of(base.relativize(p).toString().replace('\\', '/')))).toList();
      return matches.stream().max(Comparator.comparing((Path p) -> p.getFileName().toString(),
          BackupFileChoice::natural).thenComparing(p -> base.relativize(p).toString(), BackupFileChoice::natural))
          .orElseThrow(() -> new StepFailure("no file matches " + path + " (in " + base + ") — fetch the backup "
              + "before the run, or fix 'restore.file'"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
    }
  }

  private static boolean candidate(String name) {
    return !name.startsWith(".") && !name.endsWith(".sha256") && !name.endsWith(".manifest.json")
        && !name.endsWith(".partial");
  }

  /** Names compared with their runs of digits as numbers. */
  static int natural(String a, String b) {
    List<String> x = runs(a);
    List<String> y = runs(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      String p = x.get(i);
      String q = y.get(i);
      int order = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
          ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
      if (order != 0) {
        return order;
      }
    }
    return x.size() != y.size() ? Integer.compare(x.size(), y.size()) : a.compareTo(b);
  }

  private static List<String> runs(String name) {
    Matcher m = RUNS.matcher(name);
    List<String> runs = new java.util.ArrayList<>();
    while (m.find()) {
      runs.add(m.group());
    }
    return runs;
  }
}
