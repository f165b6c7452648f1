package dev.rehearsal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bench/seed [ROWS] [postgres|mariadb]}: how long {@code seed: {generate: ...}} takes on PostgreSQL (by
 * default) or MariaDB, at the servers of the repository's {@code rehearsal.yaml}, for 1,000,000 orders (by
 * default) with a foreign key to 50,000 customers, a text, a date and a choice column. It writes a small project,
 * runs it with the {@code rehearse} launcher as an operator would, and prints each step's time from the JSON
 * summary. The target is under 10 s on the 2-core reference machine.
 */
public final class SeedBench {

  private SeedBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    String database = args.length > 1 ? args[1] : "postgres";
    if (!database.equals("postgres") && !database.equals("mariadb")) {
      System.err.println("bench/seed: the database is postgres or mariadb, not " + database);
      System.exit(2);
    }
    boolean mariadb = database.equals("mariadb");
    Path home = Path.of(System.getProperty("rehearsal.home", ".")).toAbsolutePath().normalize();
    Path project = Files.createTempDirectory("rehearsal-seed-bench");
    Files.createDirectories(project.resolve("migrations/environments"));
    Files.createDirectories(project.resolve("migrations/scripts"));
    Files.createDirectories(project.resolve("scenarios"));
    Files.writeString(project.resolve("rehearsal.yaml"), """
        databases:
          %s
        """.formatted(mariadb ? "mariadb: {url: 'jdbc:mariadb://127.0.0.1:3306/?user=root', environment: mariadb}"
            : "postgres: {environment: postgres}"));
    Files.writeString(project.resolve("migrations/environments/" + database + ".properties"),
        "changelog=CHANGELOG\n");
    Files.writeString(project.resolve("migrations/scripts/20240101000000_orders.sql"), """
        -- // orders
        CREATE TABLE customers (id %1$s PRIMARY KEY, name text NOT NULL);
        CREATE TABLE orders (id %1$s PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
          status text NOT NULL, note varchar(40), created_at %2$s NOT NULL, total numeric(10,2));
        -- //@UNDO
        DROP TABLE orders;
        DROP TABLE customers;
        """.formatted(mariadb ? "bigint AUTO_INCREMENT" : "bigserial", mariadb ? "datetime" : "timestamptz"));
    Files.writeString(project.resolve("scenarios/seed.yaml"), """
        scenario: seed bench
        steps:
          - apply: head
          - seed: {generate: {table: customers, rows: 50000}}
          - seed:
              generate:
                table: orders
                rows: %d
                columns:
                  status: {one_of: [paid, shipped, refunded]}
                  note: {text: 40}
                  created_at: {dates: [2020-01-01, 2025-12-31]}
        """.formatted(rows));
    Process run = new ProcessBuilder(List.of(home.resolve("rehearse").toString(), "-C", project.toString(), "run",
        "--database", database)).inheritIO().start();
    if (run.waitFor() != 0) {
      System.err.println("bench/seed: rehearse run failed (exit " + run.exitValue() + "); project kept in " + project);
      System.exit(3);
    }
    try (Stream<Path> files = Files.list(project.resolve("artifacts/migrations"))) {
      Path summary = files.filter(f -> f.getFileName().toString().startsWith("seed--")).findFirst().orElseThrow();
      JsonNode steps = new ObjectMapper().readTree(summary.toFile()).get("steps");
      System.out.println();
      for (JsonNode step : steps) {
        System.out.printf("%-50s %8.2f s%n", step.get("step").asText(), step.get("time_ms").asLong() / 1000.0);
      }
    }
    if (!mariadb) {
      System.out.println("target: 1,000,000 generated orders on PostgreSQL in under 10 s");
    }
  }
}
