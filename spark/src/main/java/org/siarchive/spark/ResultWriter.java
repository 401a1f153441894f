package org.siarchive.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.siarchive.comparison.ComparisonEngine.Result;

/**
 * Writes a result as Parquet under one directory: {@code hits} (one row per hit, the fields of
 * {@link org.siarchive.comparison.ComparisonEngine.Hit}), {@code rules} (hits and amount at risk per rule
 * version) and {@code inputs} (rows used per dataset). A directory already there is replaced.
 */
final class ResultWriter {

    static final StructType HITS = new StructType()
            .add("rule_code", DataTypes.StringType, false)
            .add("rule_version_id", DataTypes.LongType, false)
            .add("token", DataTypes.BinaryType, false)
            .add("subject_dataset", DataTypes.LongType, false)
            .add("subject_row", DataTypes.LongType, false)
            .add("other_dataset", DataTypes.LongType, false)
            .add("other_row", DataTypes.LongType, false)
            .add("months", DataTypes.IntegerType, false)
            .add("amount_cents", DataTypes.LongType, false)
            .add("dedupe_key", DataTypes.BinaryType, false)
            .add("agency", DataTypes.StringType, true);

    static final StructType RULES = new StructType()
            .add("rule_version_id", DataTypes.LongType, false)
            .add("hits", DataTypes.LongType, false)
            .add("amount_cents", DataTypes.LongType, false);

    static final StructType INPUTS =
            new StructType().add("dataset_id", DataTypes.LongType, false).add("rows_used", DataTypes.LongType, false);

    private final SparkSession spark;

    ResultWriter(SparkSession spark) {
        this.spark = spark;
    }

    void write(Result result, String dir) {
        var hits = new ArrayList<Row>();
        for (var h : result.hits()) {
            hits.add(RowFactory.create(
                    h.ruleCode(),
                    h.ruleVersionId(),
                    h.token(),
                    h.subjectDataset(),
                    h.subjectRow(),
                    h.otherDataset(),
                    h.otherRow(),
                    h.months(),
                    h.amountCents(),
                    h.dedupeKey(),
                    h.agency()));
        }
        var rules = result.rules().stream()
                .map(c -> RowFactory.create(c.versionId(), c.hits(), c.amountCents()))
                .toList();
        var inputs = result.rowsUsed().entrySet().stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue()))
                .toList();
        save(hits, HITS, dir + "/hits");
        save(rules, RULES, dir + "/rules");
        save(inputs, INPUTS, dir + "/inputs");
    }

    private void save(List<Row> rows, StructType schema, String path) {
        spark.createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(path);
    }
}
