package org.siarchive.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.siarchive.comparison.RunDataset;

/**
 * Reference rows from a Parquet export ({@link #export}): a snapshot a cluster reads without touching PostgreSQL
 * again, for repeated comparisons of the same inputs. The export holds the rows of the exported datasets with the
 * columns the JDBC read gives, in its order; reading selects the job's datasets and restores that order.
 */
public record ParquetSource(String dir) implements RowSource {

    /** Writes the rows of these datasets, read from PostgreSQL, under {@code dir} (replaced when there). */
    static ParquetSource export(SparkSession spark, JdbcSource jdbc, List<RunDataset> datasets, String dir) {
        jdbc.rows(spark, datasets).write().mode(SaveMode.Overwrite).parquet(dir);
        return new ParquetSource(dir);
    }

    @Override
    public Dataset<Row> rows(SparkSession spark, List<RunDataset> datasets) {
        var all = spark.read().parquet(dir);
        Object[] ids = datasets.stream().map(RunDataset::id).toArray();
        Column[] ordered = Arrays.stream(all.columns()).map(c -> col(c)).toArray(Column[]::new);
        return all.where(col("dataset_id").isin(ids)).select(ordered);
    }
}
