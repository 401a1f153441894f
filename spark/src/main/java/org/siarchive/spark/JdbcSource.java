package org.siarchive.spark;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.RunDataset;

/**
 * The platform's PostgreSQL as Spark reads it: URL and credentials, and the row ranges one read partition
 * covers. Each partition reads one dataset's rows from one row number to the next ({@code reference_row} is
 * partitioned by dataset and keyed by dataset and row, so each range is one index range of one table).
 */
public record JdbcSource(String url, String user, String password, long rowsPerPartition)
        implements RowSource, Serializable {

    public JdbcSource {
        if (rowsPerPartition < 1) {
            throw new IllegalArgumentException("rows per partition must be positive");
        }
    }

    @Override
    public Dataset<Row> rows(SparkSession spark, List<RunDataset> datasets) {
        var predicates = predicates(datasets);
        if (predicates.length == 0) {
            predicates = new String[] {"false"};
        }
        return spark.read().jdbc(url, "(" + ComparisonChecks.rowsQuery(datasets) + ") r", predicates, properties());
    }

    Properties properties() {
        var p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("driver", "org.postgresql.Driver");
        p.setProperty("fetchsize", "10000");
        return p;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties());
    }

    /**
     * One predicate per range of at most {@link #rowsPerPartition} row numbers of each dataset, from its first
     * to its last row as stored (row numbers are source lines, so they need not start at 1 nor be dense).
     */
    String[] predicates(List<RunDataset> sets) {
        var out = new ArrayList<String>();
        String ids = sets.stream().map(d -> Long.toString(d.id())).collect(Collectors.joining(","));
        try (var c = connect();
                var st = c.createStatement();
                var rs = st.executeQuery("select dataset_id, min(row_no), max(row_no) from reference_row"
                        + " where dataset_id in (" + ids + ") group by dataset_id order by dataset_id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                long last = rs.getLong(3);
                for (long from = rs.getLong(2); from <= last; from += rowsPerPartition) {
                    out.add("dataset_id = %d and row_no >= %d and row_no < %d"
                            .formatted(id, from, Math.min(last + 1, from + rowsPerPartition)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the datasets' row ranges failed", e);
        }
        return out.toArray(String[]::new);
    }
}
