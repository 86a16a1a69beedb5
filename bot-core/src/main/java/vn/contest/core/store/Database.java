package vn.contest.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The pool, the migrations and the Jdbi handle factory for one PostgreSQL database. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin()).registerArgument(new CommonArguments());
    }

    /** Connects, applies pending migrations and returns the ready database. */
    public static Database connect(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("contest");
        hc.setConnectionTimeout(5_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    /** Publishes the pool's figures to a metrics registry (a Micrometer MeterRegistry; HikariCP binds it itself). */
    public void poolMetricsTo(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A connection of its own, outside the pool, for a caller that holds it open (the outbox's LISTEN); the caller
     * closes it.
     */
    public java.sql.Connection openDedicated() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    /** True when the database answers a trivial query within a second. */
    public boolean isUp() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
