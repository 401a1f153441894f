package org.siarchive.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.RunDataset;

/**
 * Where the engine reads reference rows from: the platform's PostgreSQL ({@link JdbcSource}) or a Parquet export
 * of it ({@link ParquetSource}). Either way every row of the datasets, with the columns of
 * {@link ComparisonChecks#COLUMNS} in that order.
 */
public interface RowSource {

    Dataset<Row> rows(SparkSession spark, List<RunDataset> datasets);
}
