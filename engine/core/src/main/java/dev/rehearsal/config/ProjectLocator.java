package dev.rehearsal.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project: the directory named explicitly, else the nearest directory at or above the working directory
 * that holds a {@code rehearsal.yaml}. Nothing else is ever a fallback (not the working directory, not the
 * installation), so a command run in the wrong place stops instead of rehearsing some other project.
 */
public final class ProjectLocator {

  private ProjectLocator() {}

  /**
   * The project root.
   *
   * @param explicit the directory the user named, or null to search from {@code workingDirectory} upwards
   * @param option how the user names the project directory here ({@code --project-dir}, or an engine
   *     parameter), for the message
   * @throws ProjectException when the named directory does not exist or has no {@code rehearsal.yaml},
   *     or when no directory at or above {@code workingDirectory} has one
   */
  public static Path locate(Path explicit, Path workingDirectory, String option) {
    if (explicit != null) {
      Path root = workingDirectory.resolve(explicit).toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw new ProjectException(option + " " + explicit + ": " + root + " is not a directory — name the "
            + "directory that holds " + Constants.CONFIG_FILE);
      }
      if (!Files.isRegularFile(root.resolve(Constants.CONFIG_FILE))) {
        throw new ProjectException(option + " " + explicit + ": " + root + " has no " + Constants.CONFIG_FILE
            + " — run 'rehearse init " + root + "' to set it up, or name the directory that holds "
            + Constants.CONFIG_FILE);
      }
      return root;
    }
    Path start = workingDirectory.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(Constants.CONFIG_FILE))) {
        return dir;
      }
    }
    throw new ProjectException("no " + Constants.CONFIG_FILE + " in " + start + " or any directory above "
        + "it, so there is no project to rehearse — run 'rehearse init' in your MyBatis repository to set one up, "
        + "or name the project with " + option + (option.startsWith("-") ? " DIR" : "=DIR"));
  }
}
