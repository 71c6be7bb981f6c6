package horde.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs {@code horde runs prune} deletes: those beyond the newest {@code keep}, or older than
 * {@code olderThan}; with both, only runs that are both. A run in a baseline is never deleted.
 *
 * @param keep the newest runs to keep, or null
 * @param olderThan delete runs that started longer ago than this, or null
 */
public record Retention(Integer keep, Duration olderThan) {
  public Retention {
    if (keep == null && olderThan == null) throw new IllegalArgumentException("say what to prune: --keep N or --older-than 30d");
    if (keep != null && keep < 0) throw new IllegalArgumentException("--keep must be 0 or more");
    if (olderThan != null && olderThan.isNegative()) throw new IllegalArgumentException("--older-than must be positive");
  }

  /** The ids of the runs to delete, newest first. */
  List<Long> victims(Connection c, long nowMillis) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT r.id FROM horde_runs r WHERE NOT EXISTS"
        + " (SELECT 1 FROM horde_baseline_runs b WHERE b.run_id = r.id)");
    List<Object> args = new ArrayList<>();
    if (olderThan != null) {
      sql.append(" AND r.started_ms < ?");
      args.add(nowMillis - olderThan.toMillis());
    }
    if (keep != null) {
      sql.append(" AND r.id NOT IN (SELECT k.id FROM horde_runs k ORDER BY k.started_ms DESC, k.id DESC LIMIT ?)");
      args.add(keep);
    }
    sql.append(" ORDER BY r.started_ms DESC, r.id DESC");
    List<Long> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      RunTable.bind(p, args);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getLong(1));
      }
    }
    return out;
  }

  static void delete(Connection c, List<Long> ids) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM horde_runs WHERE id = ?")) {
      for (long id : ids) {
        p.setLong(1, id);
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
