package org.siarchive.spark;

import java.io.Serializable;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.siarchive.catalog.ItemFigureRows;

/**
 * The catalogue's items as the statistics job reads them (docs/adr/0143): each read partition runs the platform's
 * own item query ({@link ItemFigureRows#SELECT}) on one range of item ids and maps each row with the platform's own
 * mapping ({@link ItemFigureRows#fact}), so the job sees exactly the facts the in-process rebuild pages through.
 * Item ids are random UUIDs, so equal ranges of their first 32 bits hold about equally many items.
 */
public record ItemSource(String url, String user, String password, int partitions) implements Serializable {

    /** The columns of an item's facts that statistics use, as rows and as Parquet. */
    public static final StructType FACTS = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("org_path", DataTypes.StringType, true)
            .add("year", DataTypes.IntegerType, false)
            .add("category_code", DataTypes.StringType, false)
            .add("insurance_type", DataTypes.StringType, true)
            .add("retention_code", DataTypes.StringType, false)
            .add("pages", DataTypes.IntegerType, false)
            .add("bytes", DataTypes.LongType, false)
            .add("status", DataTypes.StringType, false)
            .add("captured_at", DataTypes.TimestampType, false);

    public ItemSource {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive");
        }
    }

    /** Every item's facts, one Spark partition per id range. */
    public Dataset<Row> facts(SparkSession spark) {
        var ranges = ranges(partitions);
        var rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(ranges, ranges.size())
                .mapPartitions(this::read);
        return spark.createDataFrame(rdd, FACTS);
    }

    /** The {@code where} conditions on {@code i.id} that split the id space into {@code n} ranges. */
    static List<String> ranges(int n) {
        var out = new ArrayList<String>();
        for (int k = 0; k < n; k++) {
            String lo = k == 0 ? null : bound(k, n);
            String hi = k == n - 1 ? null : bound(k + 1, n);
            String where = lo == null ? "true" : "i.id >= cast('" + lo + "' as uuid)";
            out.add(hi == null ? where : where + " and i.id < cast('" + hi + "' as uuid)");
        }
        return out;
    }

    private static String bound(int k, int n) {
        long first = (k * (1L << 32)) / n;
        return "%08x-0000-0000-0000-000000000000".formatted(first);
    }

    private Iterator<Row> read(Iterator<String> wheres) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        var rows = new ArrayList<Row>();
        try (var c = DriverManager.getConnection(url, props)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            while (wheres.hasNext()) {
                try (var st = c.prepareStatement(ItemFigureRows.SELECT + " where " + wheres.next())) {
                    st.setFetchSize(10_000);
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            var f = ItemFigureRows.fact(rs);
                            rows.add(RowFactory.create(
                                    f.id().toString(),
                                    f.orgPath(),
                                    f.year(),
                                    f.categoryCode(),
                                    f.insuranceType(),
                                    f.retentionCode(),
                                    f.pages(),
                                    f.bytes(),
                                    f.status(),
                                    Timestamp.from(f.capturedAt().toInstant())));
                        }
                    }
                }
            }
            c.rollback();
        }
        return rows.iterator();
    }
}
