package dev.rehearsal.junit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Deals scenario runs to N shards so that each shard gets its share of every database: runs are dealt database by
 * database, in configuration order. Without earlier times, round-robin with one count over all databases (so the
 * shard that got the odd run of one database does not get the odd run of the next as well). With times from an
 * earlier run, longest first, each run to the shard with the least time of that database so far (ties: the least
 * time of all databases, then the lower shard). Every shard of the same selection and the same times deals the
 * same way, so each run is in exactly one shard.
 */
final class ShardDeal {

  private ShardDeal() {}

  /**
   * @param runs the selected runs, in plan order
   * @param database the database name of a run
   * @param databases the configured database names, in order
   * @param times milliseconds of earlier runs by {@code key}, or empty to deal round-robin
   * @param key what {@code times} is keyed by (scenario file and database)
   * @return the runs of shard {@code shard}, in plan order
   */
  static <T> List<T> of(List<T> runs, Shard shard, Function<T, String> database, List<String> databases,
      Map<String, Long> times, Function<T, String> key) {
    Map<String, List<T>> byDatabase = new LinkedHashMap<>();
    databases.forEach(name -> byDatabase.put(name, new ArrayList<>()));
    runs.forEach(run -> byDatabase.computeIfAbsent(database.apply(run), d -> new ArrayList<>()).add(run));
    Set<T> mine = new java.util.HashSet<>();
    if (times.isEmpty()) {
      int position = 0;
      for (List<T> group : byDatabase.values()) {
        for (T run : group) {
          if (position++ % shard.count() == shard.index() - 1) {
            mine.add(run);
          }
        }
      }
    } else {
      long known = Math.round(times.values().stream().mapToLong(Long::longValue).average().orElse(1));
      long[] total = new long[shard.count()];
      for (List<T> group : byDatabase.values()) {
        long[] here = new long[shard.count()];
        List<T> longestFirst = new ArrayList<>(group);
        // A run without an earlier time (a new scenario) counts as an average one.
        Function<T, Long> time = run -> times.getOrDefault(key.apply(run), known);
        longestFirst.sort(Comparator.comparing(time).reversed());
        for (T run : longestFirst) {
          int to = 0;
          for (int s = 1; s < shard.count(); s++) {
            if (here[s] < here[to] || here[s] == here[to] && total[s] < total[to]) {
              to = s;
            }
          }
          here[to] += Math.max(1, time.apply(run));
          total[to] += Math.max(1, time.apply(run));
          if (to == shard.index() - 1) {
            mine.add(run);
          }
        }
      }
    }
    return runs.stream().filter(mine::contains).toList();
  }
}
