package vn.lienthong.adapter.platform.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's data source class, named in {@code @DataSourceDefinition}: it picks H2 or PostgreSQL from
 * the configured JDBC URL at run time.
 *
 * <p>Why not put the URL into the annotation: an undefined {@code ${MPCONFIG=...}} placeholder stays literal and
 * the driver class would have to be fixed at build time. This class lets one artifact run on the embedded default
 * and on PostgreSQL with nothing but configuration.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() throws SQLException {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(DatabaseSettings.from(
                            ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())));
                }
                d = delegate;
            }
        }
        return d;
    }

    static DataSource create(DatabaseSettings settings) throws SQLException {
        String url = settings.url();
        if (url.startsWith("jdbc:h2:")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(withQueryCache(url));
            h2.setUser(settings.user());
            h2.setPassword(settings.password());
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(settings.user());
            pg.setPassword(settings.password());
            return pg;
        }
        throw new SQLException("Unsupported database URL (expected jdbc:h2: or jdbc:postgresql:) in "
                + DatabaseSettings.DB_URL);
    }

    /** Prepared statements H2 keeps parsed per connection unless the URL says otherwise. */
    static final int H2_QUERY_CACHE_SIZE = 128;

    /**
     * The H2 URL with a query cache large enough for the adapter's statements: H2 keeps the last 8 parsed statements
     * per connection by default, far fewer than the different statements a connection of the pool serves in turn
     * (about 30 per document sent, more for reception, signatures, audit, alerts), and an LRU cache smaller than such a
     * cycle never hits: every {@code prepareStatement} parsed its SQL again (issue 11: 5–8 % of the adapter's CPU
     * under load). 64 still left half of the parsing; 128 parsed statements of a few KiB each per connection. A URL
     * that sets {@code QUERY_CACHE_SIZE} itself is left alone.
     */
    static String withQueryCache(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=") ? url
                : url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // The pool may pass the (empty) user of the definition; the configured credentials are authoritative.
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
