package dev.rehearsal.cli;

import dev.rehearsal.config.Constants;
import picocli.CommandLine.Option;

/**
 * The project options of the commands on a database the operator names: no scenario, fixture or report paths, and
 * the server is the one that database is on. The operator's own files ({@code --out}, {@code --from}) may lie
 * anywhere; only what comes from the repository is kept inside the project.
 */
final class OperatorOptions extends ProjectOptions {

  @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
      description = "PostgreSQL server that --db NAME is on; the URL's database is replaced by NAME "
          + "(databases.postgres.url; also REHEARSAL_POSTGRES_URL). Default: " + Constants.DEFAULT_POSTGRES_URL)
  String postgresUrl;

  @Override
  String postgresUrl() {
    return postgresUrl;
  }
}
