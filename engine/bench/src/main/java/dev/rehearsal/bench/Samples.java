package dev.rehearsal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every run of every measurement, by database, measure, N and M; medians and peaks are computed from them. */
final class Samples {

  /** One measured case. {@code scenarios} is 0 for the round-trip measures. */
  record Case(String database, Measure measure, int migrations, int scenarios) {}

  private final Map<Case, List<Child.Sample>> runs = new LinkedHashMap<>();

  void add(Case measured, Child.Sample sample) {
    runs.computeIfAbsent(measured, c -> new ArrayList<>()).add(sample);
  }

  /** The median wall time in milliseconds, or null when the case was not measured. */
  Double median(String database, Measure measure, int migrations, int scenarios) {
    List<Child.Sample> samples = runs.get(new Case(database, measure, migrations, scenarios));
    if (samples == null || samples.isEmpty()) {
      return null;
    }
    List<Double> sorted = samples.stream().map(Child.Sample::millis).sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The highest peak RSS (KB) of any Rehearsal process on {@code database}, or null when none was measured. */
  Long peakRssKb(String database) {
    return runs.entrySet().stream().filter(e -> e.getKey().database().equals(database))
        .filter(e -> e.getKey().measure().rehearsal()).flatMap(e -> e.getValue().stream())
        .map(Child.Sample::peakRssKb).filter(Objects::nonNull).max(Long::compare).orElse(null);
  }

  /** The highest peak RSS (KB) of one case, or null. */
  Long peakRssKb(String database, Measure measure, int migrations, int scenarios) {
    return runs.getOrDefault(new Case(database, measure, migrations, scenarios), List.of()).stream()
        .map(Child.Sample::peakRssKb).filter(Objects::nonNull).max(Long::compare).orElse(null);
  }

  Map<Case, List<Child.Sample>> all() {
    return runs;
  }
}
