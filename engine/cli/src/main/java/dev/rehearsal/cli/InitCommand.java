package dev.rehearsal.cli;

import dev.rehearsal.scaffold.Scaffold;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code rehearse init [DIR]}: sets Rehearsal up in a MyBatis repository, or a new one, and says what it wrote
 * and what to run next. It never overwrites a file, so it is safe to run again.
 */
@Command(name = "init", description = "Set Rehearsal up in a MyBatis repository (or a new one): rehearsal.yaml with "
    + "what it finds, a first scenario, a CI workflow. Never overwrites a file.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:set up (every file written or left as it was)",
        ExitCodes.INVALID_LINE, "3:a file could not be read or written"})
final class InitCommand extends PlainCommand {

  @Parameters(paramLabel = "DIR", arity = "0..1",
      description = "The repository to set up. Default: --project-dir, else the working directory.")
  Path dir;

  @Override
  public Integer call() {
    Path cwd = Path.of("").toAbsolutePath();
    Path named = top().projectDir;
    if (dir != null && named != null && !cwd.resolve(dir).normalize().equals(cwd.resolve(named).normalize())) {
      throw new ParameterException(spec.commandLine(), "init " + dir + " and --project-dir " + named
          + " name different directories — give one of them");
    }
    Path target = cwd.resolve(dir != null ? dir : named != null ? named : cwd).normalize();
    Scaffold.Result result = Scaffold.init(target, VersionProvider.installation(), Instant.now());
    new InitReport(out(), cwd).print(result);
    return ExitCodes.OK;
  }
}
