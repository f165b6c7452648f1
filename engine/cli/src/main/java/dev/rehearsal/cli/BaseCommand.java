package dev.rehearsal.cli;

import picocli.CommandLine.Mixin;

/** A subcommand that works on a project: the project options besides what every subcommand has. */
abstract class BaseCommand extends PlainCommand {

  @Mixin
  ScratchOptions project;
}
