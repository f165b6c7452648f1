package dev.rehearsal.migrations;

import java.math.BigDecimal;
import java.util.Objects;

/** A row of the changelog table. */
public record AppliedMigration(BigDecimal id, String appliedAt, String description) {

  public AppliedMigration {
    Objects.requireNonNull(id, "id");
  }
}
