package org.siarchive.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.siarchive.comparison.ComparisonChecks;
import org.siarchive.comparison.ComparisonEngine.Hit;

/**
 * Runs on the executors: every check of a job on every person of a partition (one row per token, all their rows
 * of the job's datasets in the list {@code rows}), through the platform's {@link ComparisonChecks.Person}. A
 * partition answers one {@link Found} per check: its hits and the rows each dataset gave the check's sides, so
 * the counts come from the rows Spark read, once per task that succeeded.
 */
final class PersonChecks implements MapPartitionsFunction<Row, PersonChecks.Found> {

    private static final long serialVersionUID = 1L;

    /** One check's hits and rows read per dataset, in one partition. */
    public record Found(int check, List<Hit> hits, Map<Long, Long> used) implements Serializable {}

    private final ArrayList<ComparisonChecks.Person> checks;

    PersonChecks(List<ComparisonChecks.Person> checks) {
        this.checks = new ArrayList<>(checks);
    }

    @Override
    public Iterator<Found> call(Iterator<Row> persons) {
        var hits = new ArrayList<List<Hit>>();
        var used = new ArrayList<Map<Long, Long>>();
        for (int c = 0; c < checks.size(); c++) {
            hits.add(new ArrayList<>());
            used.add(new HashMap<>());
        }
        while (persons.hasNext()) {
            var person = persons.next();
            byte[] token = person.getAs("token");
            var rows = values(person.getList(person.fieldIndex("rows")));
            for (int c = 0; c < checks.size(); c++) {
                hits.get(c).addAll(checks.get(c).hits(token, rows, used.get(c)));
            }
        }
        var out = new ArrayList<Found>(checks.size());
        for (int c = 0; c < checks.size(); c++) {
            out.add(new Found(c, hits.get(c), used.get(c)));
        }
        return out.iterator();
    }

    private static List<Object[]> values(List<Row> rows) {
        var out = new ArrayList<Object[]>(rows.size());
        for (var row : rows) {
            var v = new Object[row.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = row.get(i);
            }
            out.add(v);
        }
        return out;
    }
}
