package dev.rehearsal.database.postgres;

import dev.rehearsal.database.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a copy of a cached state ({@code CREATE DATABASE ... TEMPLATE}) what the same migrations would have left in
 * a new scratch database of its own.
 *
 * <p>A copy holds the objects of the state's role; {@code REASSIGN OWNED} in the copy gives them to the copy's role.
 * That statement also hands over the shared objects the old role owns, so the state's database is first given to a
 * holder role of its own ({@link #seal}): the state's role then owns objects inside databases only, and no copy's
 * role ever owns, or may rename or drop, the cached state. What the template copy leaves out (per-database settings
 * and the role's settings) is set again, and the copy's {@link DatabaseFacts} must then equal the state's. A state
 * whose migrations left what cannot be handed over (default privileges, row security policies or privileges naming
 * its role) is not cached.
 */
final class StateCopies {

  /** Settings whose values are lists of quoted identifiers: they are set again as a list, not as one string. */
  private static final Set<String> IDENTIFIER_LISTS = Set.of("search_path", "temp_tablespaces",
      "local_preload_libraries", "session_preload_libraries");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final String IDENTIFIER = "(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
  private static final Pattern LIST = Pattern.compile(IDENTIFIER + "(?:, " + IDENTIFIER + ")*");

  /** What {@code REASSIGN OWNED} does not hand over, by the role it names, in the state's database. */
  private static final String NOT_HANDED_OVER = "SELECT DISTINCT CASE WHEN classid = 'pg_default_acl'::regclass "
      + "THEN 'default privileges (ALTER DEFAULT PRIVILEGES)' WHEN deptype = 'r' THEN 'a row security policy for "
      + "the role' WHEN deptype = 'a' THEN 'privileges granted to the role' ELSE 'a dependency of kind ' || deptype::text "
      + "END FROM pg_shdepend WHERE dbid = CAST(? AS oid) AND refclassid = 'pg_authid'::regclass "
      + "AND refobjid = CAST(? AS oid) AND NOT (deptype = 'o' AND classid <> 'pg_default_acl'::regclass) ORDER BY 1";

  /** The privileges of a new scratch database ({@link DatabaseFacts}' wording): its owner's, none for PUBLIC. */
  private static final List<String> FRESH_PRIVILEGES = List.of("owner CONNECT from owner", "owner CREATE from owner",
      "owner TEMPORARY from owner");

  /** The state of a cached database once sealed: its facts, and why copies would not be exact (or null). */
  record Seal(DatabaseFacts facts, String inexact) {}

  private final PostgresScratches scratches;

  StateCopies(PostgresScratches scratches) {
    this.scratches = scratches;
  }

  /**
   * Seals a cached state once its migrations ran, before the first copy: reads its facts, says whether copies can
   * be exact, and gives its database to a holder role. Later calls return the first seal.
   */
  Seal seal(PostgresScratch state) {
    synchronized (state) {
      if (state.seal() != null) {
        return state.seal();
      }
      try (Connection door = scratches.door()) {
        Seal seal = inspect(door, state);
        if (state.ownRole()) {
          ScratchRoles.Role holder = ScratchRoles.create(door, holderName(state.location()), false,
              scratches.doorFacts(door).superuser());
          state.addRole(holder);
          try (Statement statement = door.createStatement()) {
            statement.execute("ALTER DATABASE " + PgSql.id(state.location()) + " OWNER TO " + PgSql.id(holder.name()));
          }
        }
        state.sealed(seal);
        return seal;
      } catch (SQLException e) {
        throw DatabaseException.infrastructure("cannot prepare the cached state " + state.location()
            + " for copying", e, PgConnections.hint(e));
      }
    }
  }

  private Seal inspect(Connection door, PostgresScratch state) throws SQLException {
    DatabaseFacts facts = DatabaseFacts.read(door, state.oid(), state.stepsRoleOid(door), state.ownRole(),
        state.marker());
    List<String> reasons = new ArrayList<>();
    if (!facts.markerIntact()) {
      reasons.add("a migration changed the database's comment");
    }
    // A copy gets a scratch database's own privileges and connection limit, not those a migration gave the state.
    if (!facts.privileges().equals(FRESH_PRIVILEGES)) {
      reasons.add("a migration changed the database's privileges (GRANT or REVOKE ON DATABASE)");
    }
    if (facts.connectionLimit() != -1) {
      reasons.add("a migration changed the database's connection limit");
    }
    for (List<String> settings : List.of(facts.settings(), facts.roleSettings(), facts.globalRoleSettings())) {
      for (String setting : settings) {
        if (render(setting) == null) {
          reasons.add("the setting " + setting.split("=", 2)[0] + " cannot be set again on a copy");
        }
      }
    }
    if (state.ownRole()) {
      try (PreparedStatement query = door.prepareStatement(NOT_HANDED_OVER)) {
        query.setLong(1, state.oid());
        query.setLong(2, state.stepsRoleOid(door));
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            reasons.add("its migrations left " + rs.getString(1) + ", which a copy cannot hand over to its own role");
          }
        }
      }
      try (Connection asRole = state.connect()) {
        asRole.isValid(5);
      } catch (DatabaseException e) {
        reasons.add("its role can no longer log in (did a migration change its password?)");
      }
    }
    return new Seal(facts, reasons.isEmpty() ? null : String.join("; ", reasons));
  }

  /**
   * Makes {@code copy}, just created from {@code state}, exact: its objects handed to its own role, the state's
   * settings set again, and its facts checked against the state's.
   *
   * @throws DatabaseException when the copy still differs from the state, saying how
   */
  void finish(Connection door, PostgresScratch state, PostgresScratch copy) throws SQLException {
    Seal seal = seal(state);
    if (seal.inexact() != null) {
      throw DatabaseException.failed("cannot copy the cached state " + state.location() + " exactly: "
          + seal.inexact(), null);
    }
    long stateRole = state.stepsRoleOid(door);
    long copyRole = copy.stepsRoleOid(door);
    String role = copy.ownRole() ? copy.location() : scratches.doorFacts(door).user();
    if (copy.ownRole()) {
      try (Connection inCopy = scratches.connections().connect(scratches.doorUrl().withDatabase(copy.location()),
          "scratch database " + copy.location()); Statement statement = inCopy.createStatement()) {
        statement.execute("REASSIGN OWNED BY " + PgSql.id(state.location()) + " TO " + PgSql.id(role));
      }
    }
    try (Statement statement = door.createStatement()) {
      for (String setting : seal.facts().settings()) {
        if (scratches.ownSettings().contains(setting)) {
          continue;
        }
        statement.execute("ALTER DATABASE " + PgSql.id(copy.location()) + " SET " + render(setting));
      }
      for (String setting : seal.facts().roleSettings()) {
        statement.execute("ALTER ROLE " + PgSql.id(role) + " IN DATABASE " + PgSql.id(copy.location()) + " SET "
            + render(setting));
      }
      for (String setting : seal.facts().globalRoleSettings()) {
        statement.execute("ALTER ROLE " + PgSql.id(role) + " SET " + render(setting));
      }
    }
    DatabaseFacts facts = DatabaseFacts.read(door, copy.oid(), copyRole, copy.ownRole(), copy.marker());
    String difference = seal.facts().difference(facts);
    if (difference == null && copy.ownRole()) {
      difference = stillNamed(door, copy.oid(), stateRole);
    }
    if (difference != null) {
      throw DatabaseException.failed("the copy " + copy.location() + " of the cached state " + state.location()
          + " differs from it (" + difference + ") — run with --no-cache, and please report it", null);
    }
  }

  /** Anything in the copy that still names the state's role, which the copy's own role should have taken over. */
  private static String stillNamed(Connection door, long copy, long stateRole) throws SQLException {
    try (PreparedStatement query = door.prepareStatement("SELECT count(*) FROM pg_shdepend WHERE dbid = CAST(? AS "
        + "oid) AND refclassid = 'pg_authid'::regclass AND refobjid = CAST(? AS oid)")) {
      query.setLong(1, copy);
      query.setLong(2, stateRole);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        long count = rs.getLong(1);
        return count == 0 ? null : count + " objects or privileges still belong to the cached state's role";
      }
    }
  }

  /**
   * {@code name = value} for {@code SET}, meaning exactly the stored {@code name=value}, or null when it cannot be
   * written safely: a list of identifiers as it is stored (its elements quoted where needed), anything else as one
   * string literal, which PostgreSQL stores unchanged.
   */
  static String render(String setting) {
    int eq = setting.indexOf('=');
    if (eq <= 0 || !NAME.matcher(setting.substring(0, eq)).matches()) {
      return null;
    }
    String name = setting.substring(0, eq);
    String value = setting.substring(eq + 1);
    if (IDENTIFIER_LISTS.contains(name.toLowerCase(Locale.ROOT)) && LIST.matcher(value).matches()) {
      return name + " = " + value;
    }
    return name + " = " + PgSql.literal(value);
  }

  /** The holder of a cached state's database: the state's name (cut to fit 63 bytes) and {@code _owner}. */
  static String holderName(String state) {
    return (state.length() > 57 ? state.substring(0, 57) : state) + "_owner";
  }
}
