package dev.rehearsal.cli;

import dev.rehearsal.database.Database;
import dev.rehearsal.io.Leftovers;
import dev.rehearsal.run.Project;
import dev.rehearsal.text.Shown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rehearse clean}: drops scratch databases that crashed or killed runs left behind, and removes their files
 * (partial backups, temporary logs).
 */
@Command(name = "clean", description = "Drop scratch databases and roles left behind by crashed runs (only "
    + "Rehearsal's own, recognised by name, marker and owner, and only older than --older-than), and remove their "
    + "partial backups.",
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:cleaned (or nothing to clean)",
        ExitCodes.INVALID_LINE, ExitCodes.INFRASTRUCTURE_LINE})
final class CleanCommand extends PlainCommand {

  @Mixin
  ServerOptions project;


  @Option(names = "--database", paramLabel = "NAME",
      description = "Clean only this configured database (repeatable). Default: every database run by default.")
  List<String> databases = new ArrayList<>();

  @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "Only scratch databases created longer ago than this (ISO-8601, e.g. PT30M, PT0S). "
          + "Default: ${DEFAULT-VALUE}; a running run's databases are younger.")
  Duration olderThan;

  @Override
  public Integer call() {
    Project project = this.project.open();
    int databases = 0;
    int roles = 0;
    int users = 0;
    int[] young = {0};
    for (Database database : project.databases(this.databases)) {
      List<String> dropped = database.clean(olderThan,
          skipped -> out().printf("skipped %s: %s%n", database.name(), Shown.line(skipped)),
          kept -> {
            out().printf("skipped %s: %s%n", database.name(), Shown.line(kept));
            young[0] += kept.startsWith("role ") || kept.startsWith("user ") ? 0 : 1;
          });
      for (String item : dropped) {
        // Names and comments come from the server, where a scratch database's own role wrote its comment.
        out().printf("dropped %s: %s%n", database.name(), Shown.line(item));
        if (item.startsWith("role ")) {
          roles++;
        } else if (item.startsWith("user ")) {
          users++; // MariaDB's login users, which PostgreSQL's roles are
        } else {
          databases++;
        }
      }
    }
    int files = 0;
    for (Leftovers.Removed file : project.cleanFiles(olderThan)) {
      if (file.problem() == null) {
        out().println("removed " + Shown.line(file.toString()));
        files++;
      } else {
        err().println("warning: " + Shown.line(file.toString()));
      }
    }
    out().printf("%d scratch %s%s%s dropped%n", databases, databases == 1 ? "database" : "databases",
        roles == 0 ? "" : " and " + roles + (roles == 1 ? " role" : " roles"),
        users == 0 ? "" : " and " + users + (users == 1 ? " user" : " users"));
    if (young[0] > 0) {
      out().printf("%d Rehearsal %s kept: younger than %s — --older-than PT0S drops %s too, once no run is "
          + "using %s%n", young[0], young[0] == 1 ? "database" : "databases", olderThan, young[0] == 1 ? "it" : "them",
          young[0] == 1 ? "it" : "them");
    }
    out().printf("%d leftover %s removed%n", files, files == 1 ? "file" : "files");
    return ExitCodes.OK;
  }
}
