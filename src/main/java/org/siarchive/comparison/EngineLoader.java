package org.siarchive.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Streams a side's reference rows out of PostgreSQL with {@code COPY (select …) TO STDOUT (FORMAT binary)}
 * into {@link EngineRows}: whole (the build side) or chunk by chunk (the probe side). Filters are pushed into
 * the select; their words were validated as {@code [A-Za-z0-9_]} when the rule was read.
 */
final class EngineLoader {

    /** Receives a full chunk; the loader clears it afterwards. */
    interface Chunks {
        void accept(EngineRows chunk);
    }

    private final DataSource dataSource;

    EngineLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String select(List<RunDataset> sets, RuleDefinition.Source side) {
        return "COPY (" + query(sets, side, COLUMNS) + ") TO STDOUT (FORMAT binary)";
    }

    /** The columns {@link EngineRows} reads, in its order. */
    static final String COLUMNS = "token, dataset_id, row_no, birth_date, gender, scheme, subtype, status,"
            + " start_date, end_date, event_date, last_paid, (amount * 100)::int8, region_code, agency_code";

    /** The select of a side's rows: its datasets, its schemes and subtypes. */
    static String query(List<RunDataset> sets, RuleDefinition.Source side, String columns) {
        var sql = new StringBuilder("select " + columns + " from reference_row where dataset_id in (");
        sql.append(sets.stream().map(s -> Long.toString(s.id())).collect(Collectors.joining(",")))
                .append(')');
        if (side.schemes() != null) {
            sql.append(" and scheme in (").append(words(side.schemes())).append(')');
        }
        if (side.subtypes() != null) {
            sql.append(" and subtype in (").append(words(side.subtypes())).append(')');
        }
        return sql.toString();
    }

    /** The where clause of {@link #query} in Java, for engines that read whole datasets and filter the rows. */
    static boolean reads(RuleDefinition.Source side, java.util.Set<Long> datasets, EngineRow r) {
        return datasets.contains(r.datasetId)
                && (side.schemes() == null || side.schemes().contains(r.scheme))
                && (side.subtypes() == null || side.subtypes().contains(r.subtype));
    }

    private static String words(List<String> words) {
        return words.stream()
                .peek(w -> RuleDefinition.require(RuleDefinition.WORD.matcher(w).matches(), w))
                .map(w -> "'" + w + "'")
                .collect(Collectors.joining(","));
    }

    /** All rows of the side in one growing set. */
    EngineRows all(List<RunDataset> sets, RuleDefinition.Source side, Map<Long, Long> used) {
        var rows = new EngineRows((int) Math.min(1 << 20, Math.max(1024, rowsOf(sets))));
        read(sets, side, rows, true, null, used);
        return rows;
    }

    /** The side's rows in chunks of the given set's capacity; the last chunk may be partial. */
    long chunks(
            List<RunDataset> sets, RuleDefinition.Source side, EngineRows chunk, Chunks sink, Map<Long, Long> used) {
        return read(sets, side, chunk, false, sink, used);
    }

    static long rowsOf(List<RunDataset> sets) {
        return sets.stream().mapToLong(RunDataset::rowsLoaded).sum();
    }

    private long read(
            List<RunDataset> sets,
            RuleDefinition.Source side,
            EngineRows rows,
            boolean grow,
            @org.jspecify.annotations.Nullable Chunks sink,
            Map<Long, Long> used) {
        if (sets.isEmpty()) {
            return 0;
        }
        long n = 0;
        try (Connection c = dataSource.getConnection();
                var in = new PGCopyInputStream(c.unwrap(PGConnection.class), select(sets, side))) {
            var reader = new EngineCopyReader(in);
            long dataset = -1;
            long count = 0;
            while (rows.read(reader, grow)) {
                n++;
                if (rows.lastDataset != dataset) {
                    if (dataset != -1) {
                        used.merge(dataset, count, Long::sum);
                    }
                    dataset = rows.lastDataset;
                    count = 0;
                }
                count++;
                if (sink != null && rows.full()) {
                    sink.accept(rows);
                    rows.clear();
                }
            }
            if (dataset != -1) {
                used.merge(dataset, count, Long::sum);
            }
            if (sink != null && rows.size > 0) {
                sink.accept(rows);
                rows.clear();
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("reading reference rows failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
