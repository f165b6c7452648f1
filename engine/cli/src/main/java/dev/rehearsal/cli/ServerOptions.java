package dev.rehearsal.cli;

import dev.rehearsal.config.Constants;
import picocli.CommandLine.Option;

/** The project options of the commands that create (or clean) scratch databases on the PostgreSQL server. */
class ServerOptions extends ProjectOptions {

  @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
      description = "PostgreSQL server to create scratch databases on (databases.postgres.url; also "
          + "REHEARSAL_POSTGRES_URL). Default: " + Constants.DEFAULT_POSTGRES_URL)
  String postgresUrl;

  @Override
  String postgresUrl() {
    return postgresUrl;
  }
}
