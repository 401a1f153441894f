package org.siarchive.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read scaling on a PostgreSQL streaming replica (issue 21): a transaction marked read-only takes its connection from
 * the replica while the replica is no more than {@code maxLag} behind the primary, else from the primary; every other
 * connection — writes, the audit trail, anything not explicitly read-only — is the primary's. The lag is read from the
 * replica itself ({@link #check}): none when it has replayed all it received, else the age of the last transaction it
 * replayed.
 */
public final class ReplicaRouting {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    private final DataSource primary;
    private final DataSource replica;
    private final Duration maxLag;
    private volatile boolean fresh;
    private volatile double lagSeconds = Double.NaN;

    public ReplicaRouting(DataSource primary, DataSource replica, Duration maxLag) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = maxLag;
    }

    /** The DataSource the application uses: the primary, with read-only transactions sent to the routing choice. */
    public DataSource dataSource() {
        var proxy = new LazyConnectionDataSourceProxy(primary);
        proxy.setReadOnlyDataSource(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return (fresh ? replica : primary).getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return (fresh ? replica : primary).getConnection(username, password);
            }
        });
        return proxy;
    }

    /** Reads the replica's lag; returns whether reads go to it now. A replica that cannot be asked is not used. */
    public boolean check() {
        try (var c = replica.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(
                        """
                        select pg_is_in_recovery(),
                            case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                                 else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 1e9) end
                        """)) {
            rs.next();
            boolean standby = rs.getBoolean(1);
            lagSeconds = rs.getDouble(2);
            boolean now = standby && lagSeconds * 1000 <= maxLag.toMillis();
            if (now != fresh) {
                log.warn("read replica {}: lag {} s (limit {})", now ? "in use" : "not used", lagSeconds, maxLag);
            }
            fresh = now;
        } catch (SQLException | RuntimeException e) {
            if (fresh) {
                log.warn("read replica not used: {}", e.toString());
            }
            fresh = false;
            lagSeconds = Double.NaN;
        }
        return fresh;
    }

    /** The lag last read, in seconds (NaN when the replica could not be asked). */
    public double lagSeconds() {
        return lagSeconds;
    }

    public Duration maxLag() {
        return maxLag;
    }
}
