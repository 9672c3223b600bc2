package dev.gatehouse.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source behind {@code java:app/jdbc/gatehouse}. It picks the vendor's own data source
 * from {@link Settings#databaseUrl()} at run time, because {@code @DataSourceDefinition} fixes its
 * class at compile time and one build must serve both H2 and PostgreSQL. The container's pool
 * wraps this class as it would any vendor data source.
 */
public class ConfiguredDataSource implements DataSource {

    private static final Map<String, String> VENDOR_CLASSES = Map.of(
            "jdbc:h2:", "org.h2.jdbcx.JdbcDataSource",
            "jdbc:postgresql:", "org.postgresql.ds.PGSimpleDataSource");

    private final DataSource vendor;

    public ConfiguredDataSource() {
        this(Settings.fromEnvironment());
    }

    ConfiguredDataSource(Settings settings) {
        this.vendor = open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    }

    static DataSource open(String url, String user, String password) {
        String className = VENDOR_CLASSES.entrySet().stream()
                .filter(vendorClass -> url.startsWith(vendorClass.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                // The URL itself stays out of the message: it may carry a password.
                .orElseThrow(() -> new IllegalStateException(Settings.DB_URL
                        + " must start with jdbc:h2: or jdbc:postgresql:"));
        try {
            Class<?> type = Class.forName(className, true, ConfiguredDataSource.class.getClassLoader());
            DataSource dataSource = (DataSource) type.getConstructor().newInstance();
            type.getMethod("setURL", String.class).invoke(dataSource, url);
            type.getMethod("setUser", String.class).invoke(dataSource, user);
            type.getMethod("setPassword", String.class).invoke(dataSource, password);
            return dataSource;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load the JDBC data source " + className, e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return vendor.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return vendor.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return vendor.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        vendor.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        vendor.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return vendor.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return vendor.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : vendor.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || vendor.isWrapperFor(type);
    }
}
