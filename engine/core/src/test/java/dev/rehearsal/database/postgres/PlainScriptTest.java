package dev.rehearsal.database.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a plain dump may run when it is restored: the statements of a one-database pg_dump pass byte for byte, less
 * ownership, grants and psql's own lines; anything that reaches outside the database is refused at its line, and
 * quotes, dollar quotes and COPY rows hide what is inside them exactly as psql's lexer does.
 */
class PlainScriptTest {

  private static String filtered(String script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlainScript plain = new PlainScript(out);
    byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
    // In pieces that cut lines and statements, as a pipe delivers them.
    for (int i = 0; i < bytes.length; i += 7) {
      plain.write(bytes, i, Math.min(7, bytes.length - i));
    }
    plain.close();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String refusal(String script) {
    PlainScript.Refused refused = assertThrows(PlainScript.Refused.class, () -> filtered(script));
    return refused.line() + ": " + refused.getMessage();
  }

  @Test
  void aDumpOfOneDatabasePassesLessOwnershipGrantsAndPsqlLines() throws IOException {
    String dump = """
        --
        -- PostgreSQL database dump
        --

        \\restrict 8QTwjSPpVup5simPOPfiBOIxYNPryfhdqJ0Q51jcCTYlwfplOFYS1IBYcpHSgeB

        SET client_encoding = 'UTF8';
        SET standard_conforming_strings = on;
        SELECT pg_catalog.set_config('search_path', '', false);
        CREATE FUNCTION public.f() RETURNS integer
            LANGUAGE plpgsql
            AS $$ begin
        \\connect elsewhere
        GRANT ALL ON x TO y; return 1; end $$;
        ALTER FUNCTION public.f() OWNER TO postgres;
        CREATE TABLE public.t (
            id integer NOT NULL,
            s text DEFAULT 'it''s; \\ here'
        );
        ALTER TABLE public.t OWNER TO postgres;
        COPY public.t (id, s) FROM stdin;
        1	\\N
        2	multi\\nline; DROP DATABASE postgres;
        \\.
        SELECT pg_catalog.setval('public.t_id_seq', 2, true);
        GRANT SELECT ON TABLE public.t TO reader;
        BEGIN;
        SELECT pg_catalog.lo_create('16385');
        COMMIT;
        --
        -- PostgreSQL database dump complete
        --

        \\unrestrict 8QTwjSPpVup5simPOPfiBOIxYNPryfhdqJ0Q51jcCTYlwfplOFYS1IBYcpHSgeB
        """;
    String expected = """
        --
        -- PostgreSQL database dump
        --



        SET client_encoding = 'UTF8';
        SET standard_conforming_strings = on;
        SELECT pg_catalog.set_config('search_path', '', false);
        CREATE FUNCTION public.f() RETURNS integer
            LANGUAGE plpgsql
            AS $$ begin
        \\connect elsewhere
        GRANT ALL ON x TO y; return 1; end $$;

        CREATE TABLE public.t (
            id integer NOT NULL,
            s text DEFAULT 'it''s; \\ here'
        );

        COPY public.t (id, s) FROM stdin;
        1	\\N
        2	multi\\nline; DROP DATABASE postgres;
        \\.
        SELECT pg_catalog.setval('public.t_id_seq', 2, true);


        SELECT pg_catalog.lo_create('16385');

        --
        -- PostgreSQL database dump complete
        --


        """;
    assertEquals(expected, filtered(dump));
  }

  @Test
  void aDumpTakenWithCreateIsRefusedAtItsDatabaseStatement() {
    assertEquals("3: CREATE DATABASE shop ...: a database statement: a dump taken with "
        + "--create, or by pg_dumpall — take it with pg_dump without --create (one database, restored into the "
        + "scratch database)", refusal("""
        -- PostgreSQL database dump
        SET client_encoding = 'UTF8';
        CREATE DATABASE shop WITH TEMPLATE = template0;
        \\connect shop
        """));
    assertEquals("2: \\connect switches to another database: a dump taken with --create, or by pg_dumpall — take "
        + "it with pg_dump without --create (one database, restored into the scratch database)", refusal("""
        SET client_encoding = 'UTF8';
        \\connect shop
        CREATE TABLE t (id integer);
        """));
  }

  @Test
  void psqlMetaCommandsAreRefusedWhereverPsqlWouldRunThem() {
    assertEquals("1: the psql meta-command '\\!' — a restore runs SQL only (pg_dump writes no meta-command but "
        + "\\restrict and \\connect)", refusal("\\! rm -rf /\n"));
    assertEquals("2: the psql meta-command '\\o' — a restore runs SQL only (pg_dump writes no meta-command but "
        + "\\restrict and \\connect)", refusal("CREATE TABLE t (id integer);\n  \\o /tmp/rows\n"));
    assertEquals("1: a psql meta-command in a statement ('\\gexec') — a restore runs SQL only",
        refusal("CREATE TABLE t (id integer) \\gexec\n"));
    // A standard string ending in a backslash ends there only while standard_conforming_strings is on: refused.
    assertEquals("1: a backslash before a quote in a '...' string: with standard_conforming_strings off the string "
        + "would end elsewhere — write the value as E'...' or dump it in the default COPY format",
        refusal("INSERT INTO t VALUES ('\\');\n\\! ls\n"));
    // After an escaped quote, the line is outside any quote.
    assertEquals("2: the psql meta-command '\\!' — a restore runs SQL only (pg_dump writes no meta-command but "
        + "\\restrict and \\connect)", refusal("INSERT INTO t VALUES (E'\\'');\n\\! ls\n"));
    assertEquals("1: the psql meta-command '\\.' — a restore runs SQL only (pg_dump writes no meta-command but "
        + "\\restrict and \\connect)", refusal("\\.\n"));
  }

  /**
   * Each of these ran {@code \!} under psql 15 (tried on a private cluster: the command ran) while this reading saw
   * the meta-command inside a string, a comment or COPY rows: where psql's lexer and this one could part, the script
   * is refused.
   */
  @Test
  void whereThisReadingAndPsqlsCouldPartTheScriptIsRefused() throws IOException {
    // psql reads a line as a C string: after the NUL, the quote this reading sees is gone.
    assertEquals("1: a NUL byte: psql stops reading a line there, so the rest of the script would not be read as "
        + "it was checked (pg_dump writes none)", refusal("COMMENT ON SCHEMA public IS \0'\n\\! id\n';\n"));
    // psql's '--' comment ends at a carriage return.
    assertEquals("1: a psql meta-command in a statement ('\\!') — a restore runs SQL only",
        refusal("SELECT pg_catalog.setval('s', 1, true); -- note\r\\! id\n"));
    // '1$$' is a number, then a dollar quote, for psql; 'x$$' a name.
    assertEquals("1: a dollar quote right after a word or number: psql may read it as a quote or as part of the "
        + "word, which end in different places (pg_dump writes a space before its dollar quotes)",
        refusal("COMMENT ON SCHEMA public IS 1$$ ' $$ \\! id\n';\n"));
    // '1.e' is a number for psql, so the string is a standard one, which the backslash does not escape.
    assertEquals("1: a string right after '.e' or '.E': psql may read it as E'...' or as '...', which end in "
        + "different places (pg_dump writes no such string)", refusal("COMMENT ON SCHEMA public IS 1.e'\\' "
        + "\\! id\n';\n"));
    // psql ends no statement inside parentheses, nor inside the BEGIN of a function ('$begin' is $ and begin): the
    // COPY is not sent, and the lines after it are SQL and meta-commands, not rows. ('1begin' is counted here too,
    // which psql 15 does not: the safe side.)
    for (String open : List.of("CREATE TABLE x (a int DEFAULT (1;", "CREATE FUNCTION f() RETURNS int BEGIN;",
        "CREATE OR REPLACE PROCEDURE p() 1begin;", "create function g() $begin;")) {
      assertEquals("3: a psql meta-command in a statement ('\\!') — a restore runs SQL only",
          refusal(open + "\nCOPY t FROM stdin;\n\\! id\n\\.\n));\n"), open);
    }
    // What pg_dump writes for a function with a standard body still ends where psql ends it.
    String atomic = "CREATE FUNCTION public.f() RETURNS integer\n    LANGUAGE sql\n    BEGIN ATOMIC\n SELECT CASE WHEN "
        + "true THEN 1 ELSE 2 END;\nEND;\nCOPY public.t (id) FROM stdin;\n1\t\\N\n\\.\n";
    assertEquals(atomic, filtered(atomic));
    // A COPY that only mentions FROM stdin copies nothing (psql runs the lines after it), and one that reads stdin
    // with options has psql read the lines after it as rows, where a quote would hide a meta-command from a checker
    // that reads them as SQL: only pg_dump's own form passes.
    String other = ": a COPY other than pg_dump's 'COPY table (columns) FROM stdin;' (a file or program on the server, "
        + "stdout, options, or a quote in it)";
    assertEquals("1: COPY ..." + other, refusal("COPY (SELECT 1) TO STDOUT (NULL 'a FROM STDIN a');\n\\! id\n\\.\n"));
    assertEquals("2: COPY t FROM ..." + other, refusal("CREATE TABLE t (a text);\nCOPY t FROM stdin WITH (FORMAT text);\na'\n"
        + "\\.\n\\! id\n';\n"));
    assertEquals("1: COPY t ..." + other, refusal("COPY t (\"x'y\") FROM stdin;\na'\n\\.\n\\! id\n';\n"));
  }

  @Test
  void statementsThatReachOutsideTheDatabaseAreRefused() {
    String[] refused = {
        "SET ROLE postgres;", "RESET ROLE;", "SET SESSION AUTHORIZATION postgres;", "set local role admin;",
        "CREATE ROLE intruder SUPERUSER;", "ALTER USER postgres PASSWORD 'x';", "DROP DATABASE postgres;",
        "ALTER SYSTEM SET fsync = off;", "COPY t FROM PROGRAM 'id';", "COPY t TO '/tmp/rows';",
        "DO $$ BEGIN EXECUTE 'RESET ROLE'; END $$;", "SELECT pg_read_file('/etc/passwd');",
        "CREATE EXTENSION IF NOT EXISTS dblink;", "CREATE SERVER far FOREIGN DATA WRAPPER postgres_fdw;",
        "CREATE USER MAPPING FOR CURRENT_USER SERVER far;", "ROLLBACK;", "LOAD 'plugin';",
        "SET standard_conforming_strings = off;", "SET client_encoding = 'SJIS';", "SET NAMES 'SJIS';",
        "CREATE TABLE t (r text DEFAULT set_config('role', 'postgres', false));",
        "CREATE TABLE t AS SELECT pg_catalog.set_config('standard_conforming_strings', 'off', false);"};
    for (String statement : refused) {
      String script = "CREATE TABLE a (id integer);\n" + statement + "\n";
      assertThrows(PlainScript.Refused.class, () -> filtered(script), statement);
      String message = refusal(script);
      assertEquals("2: " + PlainScript.keywords(statement) + ": ", message.substring(0, message.indexOf("...: ") + 5),
          statement);
    }
  }

  @Test
  void stringsWhoseEndDependsOnSettingsADumpCanChangeAreRefused() {
    // With standard_conforming_strings off, psql would end this string after the first quote and run \! as a command.
    assertEquals("1: a backslash before a quote in a '...' string: with standard_conforming_strings off the string "
        + "would end elsewhere — write the value as E'...' or dump it in the default COPY format",
        refusal("CREATE TABLE a (c text DEFAULT '\\'' \\! ls ''');\n"));
    // In SJIS, 0x81 0x5C is one character: psql would end the string at the quote the backslash seems to escape.
    assertEquals("1: a backslash after a non-ASCII byte in an E'...' string: in some client encodings the two are "
        + "one character, and the string would end elsewhere",
        refusal("CREATE TABLE a (c text DEFAULT E'\u0081\\' \\! ls ');\n"));
  }

  @Test
  void aCutScriptIsRefusedAtItsEnd() {
    assertEquals("2: the script ends inside a statement (an open quoted string): it is truncated",
        refusal("CREATE TABLE a (id integer);\nINSERT INTO a VALUES ('cut"));
    assertEquals("1: the script ends inside the rows of a COPY (no line '\\.' after them): it is truncated",
        refusal("COPY a (id) FROM stdin;\n1\n2\n"));
  }
}
