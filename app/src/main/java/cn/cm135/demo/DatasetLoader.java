package cn.cm135.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Generates a dataset straight into the application's database: COPY on PostgreSQL when asked for,
 * JDBC batches otherwise. Works on one connection of its own and commits as it goes.
 */
@Service
class DatasetLoader {

    private static final Logger log = LoggerFactory.getLogger(DatasetLoader.class);

    private final DataSource dataSource;

    DatasetLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes with COPY when {@code preferCopy} and the database is PostgreSQL, else with batched inserts. */
    GenerationReport load(GeneratorSettings settings, boolean preferCopy) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                boolean postgres = isPostgres(connection);
                boolean copy = preferCopy && postgres;
                CountingSink sink = new CountingSink(copy ? new PostgresCopySink(connection)
                        : new JdbcBatchSink(connection));
                new DatasetGenerator(settings).generate(sink);
                restartCustomerIds(connection, postgres);
                connection.commit();
                GenerationReport report = new GenerationReport(settings.size(), sink.counts(),
                        Duration.ofNanos(System.nanoTime() - started), copy ? "COPY" : "JDBC batches");
                log.info(report.describe());
                return report;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DatasetWriteException("could not load the " + settings.size() + " dataset", e);
        }
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    // Customers were inserted with explicit ids; the identity must continue after them or the next
    // customer created by the app or an import would collide.
    private static void restartCustomerIds(Connection connection, boolean postgres) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("select setval(pg_get_serial_sequence('retail_customer', 'id'), "
                        + "(select coalesce(max(id), 0) + 1 from retail_customer), false)");
                return;
            }
            long next;
            try (ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) + 1 from retail_customer")) {
                rs.next();
                next = rs.getLong(1);
            }
            statement.execute("alter table retail_customer alter column id restart with " + next);
        }
    }
}
