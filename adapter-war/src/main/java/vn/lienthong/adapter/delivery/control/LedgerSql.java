package vn.lienthong.adapter.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The few native statements the outbox runs ({@link OutboxClaims}, {@link DirectLedger}), on either an
 * {@link EntityManager} (inside the caller's JPA transaction) or a plain JDBC {@link Connection} (the caller owns
 * its auto-commit or local transaction). One SQL text serves both, written with numbered parameters
 * ({@code ?1}, {@code ?2}, a number may repeat), so the store tests of one cover the other.
 */
public interface LedgerSql {

    /** Runs an INSERT/UPDATE/DELETE; answers the number of rows changed. */
    int update(String sql, Object... params);

    /** The rows of a query (at most {@code maxRows}, 0 = all), each as its column values. */
    List<Object[]> rows(String sql, int maxRows, Object... params);

    /** The first column of the first row, or null when there is none. */
    default Object value(String sql, Object... params) {
        List<Object[]> rows = rows(sql, 1, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    static LedgerSql of(EntityManager em) {
        return new LedgerSql() {
            @Override
            public int update(String sql, Object... params) {
                return bind(em.createNativeQuery(sql), params).executeUpdate();
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Object[]> rows(String sql, int maxRows, Object... params) {
                Query q = bind(em.createNativeQuery(sql), params);
                if (maxRows > 0) {
                    q.setMaxResults(maxRows);
                }
                List<Object[]> rows = new ArrayList<>();
                for (Object row : q.getResultList()) {
                    // EclipseLink answers a bare value, not a one-element array, for a single column.
                    rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
                }
                return rows;
            }

            private Query bind(Query q, Object... params) {
                for (int i = 0; i < params.length; i++) {
                    q.setParameter(i + 1, params[i]);
                }
                return q;
            }
        };
    }

    /** On a JDBC connection; an {@link SQLException} surfaces as {@link LedgerSqlException}. */
    static LedgerSql of(Connection c) {
        return new LedgerSql() {
            @Override
            public int update(String sql, Object... params) {
                Numbered n = Numbered.of(sql);
                try (PreparedStatement ps = c.prepareStatement(n.jdbc())) {
                    n.bind(ps, params);
                    return ps.executeUpdate();
                } catch (SQLException e) {
                    throw new LedgerSqlException(e);
                }
            }

            @Override
            public List<Object[]> rows(String sql, int maxRows, Object... params) {
                Numbered n = Numbered.of(sql);
                try (PreparedStatement ps = c.prepareStatement(n.jdbc())) {
                    n.bind(ps, params);
                    ps.setMaxRows(Math.max(0, maxRows));
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        List<Object[]> rows = new ArrayList<>();
                        while (rs.next()) {
                            Object[] row = new Object[columns];
                            for (int i = 0; i < columns; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            rows.add(row);
                        }
                        return rows;
                    }
                } catch (SQLException e) {
                    throw new LedgerSqlException(e);
                }
            }
        };
    }

    /** A JDBC statement failed. */
    final class LedgerSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LedgerSqlException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** SQL with {@code ?N} parameters turned into JDBC's plain {@code ?}, and which value goes where. */
    record Numbered(String jdbc, int[] order) {
        private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
        private static final java.util.Map<String, Numbered> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Numbered of(String sql) {
            return CACHE.computeIfAbsent(sql, Numbered::parse); // a handful of constant texts
        }

        private static Numbered parse(String sql) {
            Matcher m = PARAMETER.matcher(sql);
            List<Integer> order = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            while (m.find()) {
                order.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(jdbc, "?");
            }
            m.appendTail(jdbc);
            return new Numbered(jdbc.toString(), order.stream().mapToInt(Integer::intValue).toArray());
        }

        void bind(PreparedStatement ps, Object... params) throws SQLException {
            for (int i = 0; i < order.length; i++) {
                ps.setObject(i + 1, params[order[i] - 1]);
            }
        }
    }
}
