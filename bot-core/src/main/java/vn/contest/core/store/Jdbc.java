package vn.contest.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC on a Jdbi handle's own connection, in its transaction, for the few statements every answer makes.
 * Jdbi's statement pipeline (parsing, contexts, argument lookup, cleanables) cost about 17 µs of CPU a statement
 * beside the driver's own work, a fifth of an answer's engine time (async-profiler under AnswerLoadBench).
 * Everything else keeps Jdbi. A failure comes as a {@link StatementFailed} with the driver's exception as its cause,
 * which {@link Faults} and the turn's retry read as they read Jdbi's.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Sets a statement's parameters, by position. */
    public interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    /** Reads the current row. */
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE without results; returns how many rows it changed. */
    public static int update(Handle h, String sql, Binder binder) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailed(sql, e);
        }
    }

    /** The first row of a query (or of a statement's RETURNING), if any. */
    public static <T> Optional<T> first(Handle h, String sql, Binder binder, Row<T> row) {
        return query(h, sql, binder, rs -> rs.next() ? Optional.of(row.map(rs)) : Optional.empty());
    }

    /** Every row of a query (or of a statement's RETURNING), in the order it gives them. */
    public static <T> List<T> list(Handle h, String sql, Binder binder, Row<T> row) {
        return query(h, sql, binder, rs -> {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.map(rs));
            }
            return rows;
        });
    }

    /** Reads a whole result, from before its first row. */
    private interface Reading<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs a query and reads its whole result with {@code reading}. */
    private static <T> T query(Handle h, String sql, Binder binder, Reading<T> reading) {
        try (PreparedStatement st = h.getConnection().prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                return reading.read(rs);
            }
        } catch (SQLException e) {
            throw new StatementFailed(sql, e);
        }
    }

    /** A statement the database refused or could not run; the cause is the driver's exception. */
    public static final class StatementFailed extends RuntimeException {
        StatementFailed(String sql, SQLException cause) {
            super("statement failed: " + sql.strip().split("\\s+", 4)[0] + " ... (SQL state " + cause.getSQLState() + ")", cause);
        }
    }
}
