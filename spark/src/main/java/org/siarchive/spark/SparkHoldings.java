package org.siarchive.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.siarchive.analytics.HoldingsClassification;

/**
 * The holdings figures on Spark (docs/adr/0143): every item's facts go through the platform's own
 * {@link HoldingsClassification} on the executors, and the held items are summed into the two tables the in-process
 * ledger keeps: {@code cells} (organisation × year × category × 险种 × retention) and {@code months} (organisation ×
 * month filed), each with items, pages and bytes.
 */
public final class SparkHoldings {

    static final StructType HELD = new StructType()
            .add("org_path", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("category_code", DataTypes.StringType, false)
            .add("insurance_type", DataTypes.StringType, false)
            .add("retention_code", DataTypes.StringType, false)
            .add("filed_month", DataTypes.DateType, false)
            .add("pages", DataTypes.IntegerType, false)
            .add("bytes", DataTypes.LongType, false);

    /** The sums, as the platform's {@code holdings_cell} and {@code holdings_month} hold them. */
    public record Figures(Dataset<Row> cells, Dataset<Row> months) {}

    private SparkHoldings() {}

    /** The figures of {@code facts} (rows of {@link ItemSource#FACTS}), months read in {@code zone}. */
    public static Figures figures(SparkSession spark, Dataset<Row> facts, ZoneId zone) {
        var held = facts.javaRDD().flatMap(r -> classify(r, zone).iterator());
        var items = spark.createDataFrame(held, HELD).cache();
        var cells = items.groupBy("org_path", "year", "category_code", "insurance_type", "retention_code")
                .agg(
                        count("*").as("items"),
                        sum(col("pages").cast("long")).as("pages"),
                        sum("bytes").as("bytes"));
        var months = items.groupBy("org_path", "filed_month")
                .agg(
                        count("*").as("items"),
                        sum(col("pages").cast("long")).as("pages"),
                        sum("bytes").as("bytes"));
        return new Figures(cells, months);
    }

    static List<Row> classify(Row r, ZoneId zone) {
        var captured = OffsetDateTime.ofInstant(((Timestamp) r.getAs("captured_at")).toInstant(), ZoneOffset.UTC);
        return HoldingsClassification.of(
                        r.getAs("status"),
                        r.getAs("org_path"),
                        (Integer) r.getAs("year"),
                        r.getAs("category_code"),
                        r.getAs("insurance_type"),
                        r.getAs("retention_code"),
                        captured,
                        (Integer) r.getAs("pages"),
                        (Long) r.getAs("bytes"),
                        zone)
                .map(c -> List.of(RowFactory.create(
                        c.orgPath(),
                        c.year(),
                        c.categoryCode(),
                        c.insuranceType(),
                        c.retentionCode(),
                        Date.valueOf(c.filedMonth()),
                        c.pages(),
                        c.bytes())))
                .orElse(List.of());
    }
}
