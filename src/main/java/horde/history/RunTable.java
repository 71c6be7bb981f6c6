package horde.history;

import horde.result.RunResult;
import horde.result.SearchSummary;
import horde.stats.EndpointStats;
import horde.stats.RunStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The runs and their tags and endpoint rows: insert, list, read, delete. Every value is a bound parameter. */
final class RunTable {
  static final String COLUMNS = "r.id, r.started_at, r.scenario, r.scenario_file, r.target, r.verdict, r.aborted, r.requests,"
      + " r.failures, r.error_rate, r.rps, r.p50_ms, r.p95_ms, r.p99_ms, r.measured_s, r.host, r.horde_version,"
      + " r.search_kind, r.search_steps, r.search_knee, r.search_above";

  private RunTable() {}

  static long insert(Connection c, RunResult r, String resultJson, String scenarioText, Map<String, String> tags, String host)
      throws SQLException {
    RunStats s = r.stats();
    EndpointStats total = s.total();
    double seconds = s.measuredSeconds();
    long id;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO horde_runs (started_at, started_ms, recorded_ms, scenario,"
        + " scenario_file, scenario_text, target, host, horde_version, verdict, aborted, duration_s, measured_s, requests,"
        + " failures, error_rate, rps, p50_ms, p95_ms, p99_ms, max_ms, result, search_kind, search_steps, search_knee,"
        + " search_above) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      int i = 1;
      p.setString(i++, r.startedAt());
      p.setLong(i++, millis(r.startedAt()));
      p.setLong(i++, System.currentTimeMillis());
      p.setString(i++, r.scenario().getOrDefault("name", ""));
      p.setString(i++, r.scenario().getOrDefault("file", ""));
      p.setString(i++, scenarioText);
      p.setString(i++, r.scenario().getOrDefault("target", ""));
      p.setString(i++, host);
      p.setString(i++, r.hordeVersion());
      p.setString(i++, r.verdict().lower());
      p.setBoolean(i++, s.aborted());
      p.setDouble(i++, s.runSeconds());
      p.setDouble(i++, s.measuredSeconds());
      p.setLong(i++, total.requests());
      p.setLong(i++, total.failures());
      p.setDouble(i++, errorRate(total));
      p.setDouble(i++, rate(total, seconds));
      p.setDouble(i++, ms(total.latency(), 50));
      p.setDouble(i++, ms(total.latency(), 95));
      p.setDouble(i++, ms(total.latency(), 99));
      p.setDouble(i++, ms(total.latency(), 100));
      p.setString(i++, resultJson);
      search(p, i, r.search());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    tags(c, id, tags);
    endpoints(c, id, s);
    return id;
  }

  /** A search's kind, steps, knee and the lowest failing level above it; NULLs for a plain run. */
  private static void search(PreparedStatement p, int i, SearchSummary search) throws SQLException {
    p.setString(i, search == null ? null : search.kind());
    if (search == null) p.setNull(i + 1, Types.INTEGER);
    else p.setInt(i + 1, search.steps().size());
    level(p, i + 2, search == null ? Double.NaN : search.knee());
    level(p, i + 3, search == null ? Double.NaN : search.above());
  }

  private static void level(PreparedStatement p, int i, double level) throws SQLException {
    if (Double.isNaN(level)) p.setNull(i, Types.DOUBLE);
    else p.setDouble(i, level);
  }

  private static void tags(Connection c, long id, Map<String, String> tags) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO horde_run_tags (run_id, name, value) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> t : tags.entrySet()) {
        p.setLong(1, id);
        p.setString(2, t.getKey());
        p.setString(3, t.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void endpoints(Connection c, long id, RunStats s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO horde_run_endpoints (run_id, position, method, name, requests,"
        + " failures, error_rate, rps, p50_ms, p90_ms, p95_ms, p99_ms, max_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (EndpointStats e : s.endpoints()) {
        int i = 1;
        p.setLong(i++, id);
        p.setInt(i++, position++);
        p.setString(i++, e.method());
        p.setString(i++, e.name());
        p.setLong(i++, e.requests());
        p.setLong(i++, e.failures());
        p.setDouble(i++, errorRate(e));
        p.setDouble(i++, rate(e, s.measuredSeconds()));
        p.setDouble(i++, ms(e.latency(), 50));
        p.setDouble(i++, ms(e.latency(), 90));
        p.setDouble(i++, ms(e.latency(), 95));
        p.setDouble(i++, ms(e.latency(), 99));
        p.setDouble(i, ms(e.latency(), 100));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** A percentile of a histogram of microseconds, in milliseconds (as every report reads it); 0 when empty. */
  static double ms(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double errorRate(EndpointStats e) {
    return e.requests() == 0 ? 0 : 100.0 * e.failures() / e.requests();
  }

  private static double rate(EndpointStats e, double seconds) {
    return seconds <= 0 ? 0 : e.requests() / seconds;
  }

  /** A result's start as epoch milliseconds; now when it cannot be read (an uploaded file of another tool). */
  static long millis(String startedAt) {
    try {
      return Instant.parse(startedAt).toEpochMilli();
    } catch (DateTimeParseException | NullPointerException e) {
      return System.currentTimeMillis();
    }
  }

  static Page<RunSummary> list(Connection c, RunQuery q) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.scenario() != null) {
      where.append(" AND r.scenario = ?");
      args.add(q.scenario());
    }
    for (Map.Entry<String, String> t : q.tags().entrySet()) {
      where.append(" AND EXISTS (SELECT 1 FROM horde_run_tags t WHERE t.run_id = r.id AND t.name = ? AND t.value = ?)");
      args.add(t.getKey());
      args.add(t.getValue());
    }
    long total;
    try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM horde_runs r" + where)) {
      bind(p, args);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<RunSummary> items;
    try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM horde_runs r" + where
        + " ORDER BY r.started_ms DESC, r.id DESC LIMIT ? OFFSET ?")) {
      List<Object> all = new ArrayList<>(args);
      all.add(q.limit());
      all.add(q.offset());
      bind(p, all);
      items = summaries(c, p);
    }
    return new Page<>(items, total);
  }

  static RunSummary summary(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM horde_runs r WHERE r.id = ?")) {
      p.setLong(1, id);
      List<RunSummary> one = summaries(c, p);
      return one.isEmpty() ? null : one.get(0);
    }
  }

  static StoredRun find(Connection c, long id) throws SQLException {
    RunSummary s = summary(c, id);
    if (s == null) return null;
    try (PreparedStatement p = c.prepareStatement("SELECT scenario_text, result FROM horde_runs WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return new StoredRun(s, rs.getString(1), rs.getString(2));
      }
    }
  }

  private static List<RunSummary> summaries(Connection c, PreparedStatement p) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        Object[] row = new Object[21];
        for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
        rows.add(row);
      }
    }
    Map<Long, Map<String, String>> tags = tagsOf(c, rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
    List<RunSummary> out = new ArrayList<>();
    for (Object[] r : rows) {
      long id = ((Number) r[0]).longValue();
      out.add(new RunSummary(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], tags.getOrDefault(id, Map.of()),
          (String) r[5], bool(r[6]), num(r[7]).longValue(), num(r[8]).longValue(), num(r[9]).doubleValue(),
          num(r[10]).doubleValue(), num(r[11]).doubleValue(), num(r[12]).doubleValue(), num(r[13]).doubleValue(),
          num(r[14]).doubleValue(), (String) r[15], (String) r[16], search(r)));
    }
    return out;
  }

  private static RunSummary.Search search(Object[] row) {
    if (row[17] == null) return null;
    return new RunSummary.Search((String) row[17], num(row[18]).intValue(), row[19] == null ? Double.NaN : num(row[19]).doubleValue(),
        row[20] == null ? Double.NaN : num(row[20]).doubleValue());
  }

  private static Map<Long, Map<String, String>> tagsOf(Connection c, List<Long> ids) throws SQLException {
    Map<Long, Map<String, String>> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement p = c.prepareStatement("SELECT run_id, name, value FROM horde_run_tags WHERE run_id IN (" + marks + ")")) {
      bind(p, new ArrayList<>(ids));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
      }
    }
    return out;
  }

  static void bind(PreparedStatement p, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Integer n) p.setInt(i + 1, n);
      else if (a instanceof Long n) p.setLong(i + 1, n);
      else p.setString(i + 1, (String) a);
    }
  }

  private static Number num(Object o) {
    return o == null ? 0 : (Number) o;
  }

  private static boolean bool(Object o) {
    return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
  }
}
