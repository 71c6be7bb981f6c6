package horde.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Baselines and their runs. */
final class BaselineTable {
  private BaselineTable() {}

  /** Creates or replaces the baseline; its runs must exist and share one scenario. */
  static Baseline set(Connection c, String name, List<Long> runs, String description) throws SQLException {
    Baseline.checkName(name);
    if (runs.isEmpty()) throw new IllegalArgumentException("a baseline needs at least one run");
    if (runs.stream().distinct().count() != runs.size()) throw new IllegalArgumentException("a run is named twice: " + runs);
    String scenario = null;
    long first = 0;
    for (long id : runs) {
      RunSummary s = RunTable.summary(c, id);
      if (s == null) throw new IllegalArgumentException("no run " + id + " in the history");
      if (scenario == null) {
        scenario = s.scenario();
        first = id;
      } else if (!scenario.equals(s.scenario())) {
        throw new IllegalArgumentException("a baseline holds runs of one scenario: run " + first + " ran '" + scenario
            + "', run " + id + " ran '" + s.scenario() + "'");
      }
    }
    delete(c, name);
    long now = System.currentTimeMillis();
    try (PreparedStatement p = c.prepareStatement("INSERT INTO horde_baselines (name, scenario, description, created_ms) VALUES (?, ?, ?, ?)")) {
      p.setString(1, name);
      p.setString(2, scenario);
      p.setString(3, description == null ? "" : description);
      p.setLong(4, now);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO horde_baseline_runs (baseline, run_id, position) VALUES (?, ?, ?)")) {
      for (int i = 0; i < runs.size(); i++) {
        p.setString(1, name);
        p.setLong(2, runs.get(i));
        p.setInt(3, i);
        p.addBatch();
      }
      p.executeBatch();
    }
    return new Baseline(name, scenario, description == null ? "" : description, Instant.ofEpochMilli(now).toString(), runs);
  }

  static boolean delete(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM horde_baseline_runs WHERE baseline = ?")) {
      p.setString(1, name);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM horde_baselines WHERE name = ?")) {
      p.setString(1, name);
      return p.executeUpdate() > 0;
    }
  }

  /** Every baseline by name, or only {@code name}'s when it is not null. */
  static List<Baseline> list(Connection c, String name) throws SQLException {
    Map<String, String[]> heads = new LinkedHashMap<>();
    String where = name == null ? "" : " WHERE b.name = ?";
    try (PreparedStatement p = c.prepareStatement("SELECT b.name, b.scenario, b.description, b.created_ms FROM horde_baselines b"
        + where + " ORDER BY b.name")) {
      if (name != null) p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) heads.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4)).toString()});
      }
    }
    Map<String, List<Long>> runs = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT b.baseline, b.run_id FROM horde_baseline_runs b"
        + (name == null ? "" : " WHERE b.baseline = ?") + " ORDER BY b.baseline, b.position")) {
      if (name != null) p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) runs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
      }
    }
    List<Baseline> out = new ArrayList<>();
    heads.forEach((n, h) -> out.add(new Baseline(n, h[0], h[1], h[2], runs.getOrDefault(n, List.of()))));
    return out;
  }
}
