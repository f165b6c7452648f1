package dev.rehearsal.cli;

/** The project options of a command that reaches no database server (its files and tools only). */
final class OfflineOptions extends ProjectOptions {

  @Override
  String postgresUrl() {
    return null;
  }
}
