package dev.rehearsal.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the {@code git} command line what changed since the merge base of a revision and {@code HEAD} ({@code
 * --changed-since REF}): what a pull request changed, when REF is the branch it goes into. The work tree counts too,
 * so a run before committing sees the changes being made.
 */
public final class GitChanges {

  private static final long TIMEOUT_SECONDS = 60;

  private GitChanges() {}

  /**
   * The files changed since the merge base of {@code ref} and {@code HEAD}, in the git work tree holding
   * {@code directory}.
   *
   * @throws ChangesException when git is missing, {@code directory} is not in a work tree, or {@code ref} names no
   *     commit that shares history with {@code HEAD}
   */
  public static ChangedFiles since(Path directory, String ref) {
    String revision = ref.strip();
    if (revision.isEmpty() || revision.startsWith("-") || revision.chars().anyMatch(c -> c < 0x20)) {
      throw new ChangesException("'" + revision + "' is not a git revision — give a branch, tag or commit, e.g. "
          + "origin/main");
    }
    Result top = git(directory, "rev-parse", "--show-toplevel");
    if (top.code() != 0) {
      throw new ChangesException(directory + " is not inside a git work tree (git: " + top.firstError()
          + ") — run it in a clone of the repository, or leave --changed-since out");
    }
    Path root = Path.of(top.out().strip());
    Result commit = git(root, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
    if (commit.code() != 0) {
      throw new ChangesException("git knows no commit '" + revision + "' — name a branch, tag or commit of this "
          + "repository; in a CI checkout, fetch it first (actions/checkout with fetch-depth: 0, or git fetch "
          + "origin " + revision.replaceFirst("^origin/", "") + ")");
    }
    Result base = git(root, "merge-base", commit.out().strip(), "HEAD");
    if (base.code() != 0 || base.out().isBlank()) {
      throw new ChangesException(revision + " and HEAD have no common commit" + (base.firstError().isEmpty() ? ""
          : " (git: " + base.firstError() + ")") + " — in a shallow clone, fetch the history (actions/checkout "
          + "with fetch-depth: 0)");
    }
    String mergeBase = base.out().strip();
    Set<Path> files = new HashSet<>();
    for (String name : names(git(root, "diff", "--name-only", "--no-renames", "-z", mergeBase, "--"), "diff")) {
      files.add(ChangedFiles.real(root.resolve(name)));
    }
    for (String name : names(git(root, "ls-files", "--others", "--exclude-standard", "-z"), "ls-files")) {
      files.add(ChangedFiles.real(root.resolve(name)));
    }
    return new ChangedFiles(revision, mergeBase, files);
  }

  private static List<String> names(Result result, String command) {
    if (result.code() != 0) {
      throw new ChangesException("git " + command + " failed: " + result.firstError());
    }
    List<String> names = new ArrayList<>();
    for (String name : result.out().split("\0")) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** What one git command printed and returned. */
  private record Result(int code, String out, String err) {
    String firstError() {
      return err.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
  }

  private static Result git(Path directory, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    // Messages in English, and never a prompt for credentials or a pager.
    builder.environment().put("LC_ALL", "C");
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_PAGER", "cat");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ChangesException("--changed-since needs the git command, which cannot be run (" + e.getMessage()
          + ") — install git or leave --changed-since out");
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ChangesException("git " + arguments[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new ChangesException("interrupted while git ran");
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
