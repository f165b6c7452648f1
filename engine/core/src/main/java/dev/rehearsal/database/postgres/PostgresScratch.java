package dev.rehearsal.database.postgres;

import dev.rehearsal.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A database on the server that this run created, with the OID it had then and the roles created with it; steps
 * connect as its own role. Closing drops it (forcing out any connection left open) and its roles, each only while
 * its name still has the OID recorded at creation.
 */
final class PostgresScratch implements ScratchDatabase {

  private final PostgresScratches scratches;
  private final String database;
  private final long oid;
  private final String marker;
  private final boolean ownRole;
  private final PgUrl steps;
  private final PgUrl open;
  private final List<ScratchRoles.Role> roles = new CopyOnWriteArrayList<>();
  private volatile StateCopies.Seal seal;
  private volatile boolean keep;
  /** Dropped, or left on purpose and reported: nothing more to do. */
  private volatile boolean settled;

  /**
   * @param owner the role that owns the database (the one steps run as, when {@code ownRole})
   * @param ownRole steps connect as {@code owner}; otherwise as the door user ({@code steps_as: door_user})
   * @param steps the URL steps connect with
   * @param open the URL people open it with once kept (the door user's)
   */
  PostgresScratch(PostgresScratches scratches, String database, long oid, String marker, ScratchRoles.Role owner,
      boolean ownRole, PgUrl steps, PgUrl open) {
    this.scratches = scratches;
    this.database = database;
    this.oid = oid;
    this.marker = marker;
    this.ownRole = ownRole;
    this.steps = steps;
    this.open = open;
    roles.add(owner);
  }

  @Override
  public Connection connect() {
    return scratches.connections().connect(steps, "scratch database " + database);
  }

  @Override
  public String location() {
    return database;
  }

  /**
   * A psql command that logs in as the door user and acts as the database's own role ({@code PGOPTIONS}: a client's
   * {@code role} wins over one the database's settings name): what the steps left there (a view calling a function,
   * say) then runs with that role's rights, not the door user's, who may be a superuser.
   */
  @Override
  public String openCommand() {
    return ownRole ? "PGOPTIONS='-c role=" + roles.get(0).name() + "' " + open.psql() : open.psql();
  }

  @Override
  public void keep() {
    keep = true;
  }

  /** The OID the database had when this run created it: a drop checks the name still has it. */
  long oid() {
    return oid;
  }

  /** The comment Rehearsal wrote on it. */
  String marker() {
    return marker;
  }

  /** Whether steps run as the database's own role (else as the door user). */
  boolean ownRole() {
    return ownRole;
  }

  /** The URL steps connect with. */
  PgUrl stepsUrl() {
    return steps;
  }

  /** The OID of the role steps run as. */
  long stepsRoleOid(Connection door) throws SQLException {
    return ownRole ? roles.get(0).oid() : scratches.doorFacts(door).oid();
  }

  /** The roles created for this database, its owner first: dropped after it. */
  List<ScratchRoles.Role> roles() {
    return List.copyOf(roles);
  }

  void addRole(ScratchRoles.Role role) {
    roles.add(role);
  }

  /** The seal of a cached state, or null when it is none (yet). */
  StateCopies.Seal seal() {
    return seal;
  }

  void sealed(StateCopies.Seal seal) {
    this.seal = seal;
  }

  /** Drops it, or keeps it after {@link #keep()}; a drop that failed is tried again by the next close. */
  @Override
  public synchronized void close() {
    if (!keep && !settled) {
      settled = scratches.drop(this);
    }
    if (keep || settled) {
      scratches.settled(this);
    }
  }
}
