package dev.rehearsal.database.postgres;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a restore of a backup Rehearsal did not write may run, statement by statement ({@link PlainScript}): the
 * statements a {@code pg_dump} of one database writes, less ownership and grants (left out, as
 * {@code pg_restore --no-owner --no-privileges} leaves them out), and nothing that acts beyond the database it is
 * restored into. The rules read the statement's text with comments and dollar-quoted bodies taken out; they stop what
 * a dump says, and the role the restore runs as stops what it computes (a function it creates and calls).
 */
final class StatementRules {

  /** The verdict of a statement that is left out. */
  static final String DROP = "drop";

  private static final List<Rule> RULES = List.of(
      drop("GRANT\\b.*"), drop("REVOKE\\b.*"), drop("ALTER DEFAULT PRIVILEGES\\b.*"), drop("SECURITY LABEL\\b.*"),
      drop("ALTER\\b.* OWNER TO [^ ]+"),
      // pg_dump puts large objects in a transaction of their own; the restore is one transaction already.
      drop("(BEGIN|COMMIT|END|START TRANSACTION)( WORK| TRANSACTION)?"),
      refuse("(CREATE|ALTER|DROP) DATABASE\\b.*", "a database statement: a dump taken with --create, or by "
          + "pg_dumpall — take it with pg_dump without --create (one database, restored into the scratch database)"),
      refuse("(CREATE|ALTER|DROP) (ROLE|GROUP)\\b.*|(CREATE|ALTER|DROP) USER (?!MAPPING\\b).*",
          "a role statement: roles belong to the server, not to the dump of one database (pg_dumpall writes them)"),
      refuse("(SET|RESET)( SESSION| LOCAL)? (ROLE|SESSION AUTHORIZATION)\\b.*|RESET ALL",
          "a change of role: the restore runs as the scratch database's owner, and only as that role"),
      refuse("ALTER SYSTEM\\b.*", "a change of the server's configuration"),
      refuse("(CREATE|ALTER|DROP) TABLESPACE\\b.*", "a tablespace statement: tablespaces are the server's"),
      refuse("(CREATE|ALTER) (SUBSCRIPTION|SERVER|FOREIGN DATA WRAPPER)\\b.*|(CREATE|ALTER) USER MAPPING\\b.*"
          + "|IMPORT FOREIGN SCHEMA\\b.*", "a connection to another server: a drill stays in its scratch database"),
      refuse("CREATE EXTENSION( IF NOT EXISTS)? \"?(DBLINK|POSTGRES_FDW|FILE_FDW|ADMINPACK)\\b.*",
          "an extension that reaches other databases or the server's files"),
      refuse("LOAD\\b.*", "LOAD loads a library into the server"),
      refuse("(REASSIGN|DROP) OWNED\\b.*", "a statement on everything a role owns, in every database"),
      refuse("(ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE TRANSACTION|COMMIT PREPARED|ROLLBACK PREPARED)\\b.*",
          "a transaction statement: the restore is one transaction, which the dump may not end or split"),
      refuse("(DO|CALL)\\b.*", "code that runs while the dump is restored (pg_dump writes no DO or CALL)"),
      refuse("SET( SESSION| LOCAL)? STANDARD_CONFORMING_STRINGS (TO|=) (?!'?(ON|TRUE)'?;$).*",
          "standard_conforming_strings off: backslashes would then escape quotes, and the script would read "
              + "differently from how it was checked"),
      refuse("SET( SESSION| LOCAL)? (CLIENT_ENCODING (TO|=)|NAMES) "
          + "'?(SJIS|SHIFT_JIS_2004|BIG5|GBK|UHC|GB18030|JOHAB)'?",
          "a client encoding that does not keep ASCII as ASCII: the script would read differently from how it was "
              + "checked"));

  /**
   * The one COPY pg_dump writes, {@code COPY table (columns) FROM stdin;}, with no string in it: rows follow it up to
   * {@code \.}. Any other COPY is refused, also one that reads stdin with options or a quote in it, or writes to
   * stdout: whether psql then reads the next lines as rows or as SQL and meta-commands would have to be decided
   * exactly as psql decides it, and a checker that decides otherwise passes a meta-command on.
   */
  private static final Pattern COPY_ROWS_FOLLOW = Pattern.compile("COPY [^']* FROM STDIN;", Pattern.CASE_INSENSITIVE);
  /** The function calls pg_dump writes: the search path, sequence values, large objects. */
  private static final Pattern DUMP_SELECT = Pattern.compile("SELECT PG_CATALOG\\.(SET_CONFIG ?\\( ?'SEARCH_PATH'"
      + "|SETVAL ?\\(|LO_CREATE ?\\(|LO_OPEN ?\\(|LOWRITE ?\\(|LO_CLOSE ?\\().*;");

  /** {@code set_config} of anything but the search path, anywhere in a statement. */
  private static final Pattern SET_CONFIG = Pattern.compile("SET_CONFIG ?\\( ?'(?!SEARCH_PATH')");

  private StatementRules() {}

  private record Rule(Pattern pattern, String verdict) {}

  private static Rule drop(String regex) {
    return new Rule(Pattern.compile(regex + ";"), DROP);
  }

  private static Rule refuse(String regex, String why) {
    return new Rule(Pattern.compile(regex + ";?"), why);
  }

  /**
   * The verdict on one statement: null to run it, {@link #DROP} to leave it out, else why it is refused.
   *
   * @param statement the statement's text without comments and bodies, spaces collapsed, ending with {@code ;}
   */
  static String judge(String statement) {
    String upper = statement.toUpperCase(Locale.ROOT);
    String words = upper.replaceAll("\\s*;$", ";");
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(words).matches()) {
        return rule.verdict() == DROP ? DROP : PlainScript.keywords(statement) + ": " + rule.verdict();
      }
    }
    if (upper.startsWith("COPY ") && !copiesFromStdin(statement)) {
      return PlainScript.keywords(statement) + ": a COPY other than pg_dump's 'COPY table (columns) FROM stdin;' (a "
          + "file or program on the server, stdout, options, or a quote in it)";
    }
    if (upper.startsWith("SELECT ") && !DUMP_SELECT.matcher(words).matches()) {
      return PlainScript.keywords(statement) + ": a SELECT pg_dump does not write (it writes only set_config of the "
          + "search path, setval and the large-object calls)";
    }
    if (SET_CONFIG.matcher(upper).find()) {
      return PlainScript.keywords(statement) + ": set_config of a setting other than the search path (a change of "
          + "role, of how strings or the client encoding are read): pg_dump sets only the search path";
    }
    return null;
  }

  /**
   * Whether the statement is {@code COPY ... FROM stdin}, after which rows follow up to the line {@code \.}: it ends
   * with {@code FROM stdin} and has no string in it, as pg_dump writes it. Text that only mentions {@code FROM stdin}
   * ({@code COPY ... TO STDOUT (NULL 'x FROM STDIN x')}) would have the lines after it passed on unread as rows,
   * while psql, not copying, runs them.
   */
  static boolean copiesFromStdin(String statement) {
    return COPY_ROWS_FOLLOW.matcher(statement.replaceAll("\\s*;$", ";")).matches();
  }
}
