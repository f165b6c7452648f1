package dev.rehearsal.junit;

/**
 * One of N shares of a run: {@link ShardDeal} deals the scenario runs so that shards 1..N of the same selection run
 * every scenario run exactly once, each with its share of every database.
 *
 * @param index 1-based
 * @param count how many shards there are
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("'" + index + "/" + count + "' is not a shard — write I/N with 1 <= I <= N,"
          + " e.g. 1/2");
    }
  }

  /**
   * Parses {@code I/N}.
   *
   * @throws IllegalArgumentException saying what a shard looks like
   */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2 || !parts[0].strip().matches("[0-9]{1,6}") || !parts[1].strip().matches("[0-9]{1,6}")) {
      throw new IllegalArgumentException("'" + text + "' is not a shard — write I/N with 1 <= I <= N, e.g. 1/2");
    }
    return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
