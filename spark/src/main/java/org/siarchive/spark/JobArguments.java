package org.siarchive.spark;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The job's arguments ({@code --name=value}): the database ({@code --jdbc-url}, {@code --user}; the password
 * from the environment variable {@code SIARCHIVE_DB_PASSWORD}, never the command line), what to compare (a
 * recorded run, {@code --run=ID}, or {@code --datasets=ID,…} with {@code --rules=CODE,…} and {@code --as-of}),
 * where to write ({@code --out}), how many row numbers one read partition covers ({@code --rows-per-partition},
 * default 500,000), and optionally where the rows come from: {@code --export-to=DIR} writes the job's datasets
 * there as Parquet first and compares on that export, {@code --rows-from=DIR} compares on an earlier export.
 */
record JobArguments(
        String jdbcUrl,
        String user,
        String password,
        @Nullable Long run,
        List<Long> datasets,
        List<String> rules,
        @Nullable LocalDate asOf,
        String out,
        long rowsPerPartition,
        @Nullable String exportTo,
        @Nullable String rowsFrom) {

    static final String USAGE = "usage: ComparisonJob --jdbc-url=URL --user=NAME (--run=ID | --datasets=ID,…"
            + " --rules=CODE,… --as-of=YYYY-MM-DD) --out=DIR [--rows-per-partition=N]"
            + " [--export-to=DIR | --rows-from=DIR]; password in SIARCHIVE_DB_PASSWORD";

    static JobArguments parse(String[] args, Map<String, String> env) {
        var named = new HashMap<String, String>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("not --name=value: " + a + "\n" + USAGE);
            }
            named.put(a.substring(2, eq), a.substring(eq + 1));
        }
        if (named.containsKey("password")) {
            throw new IllegalArgumentException("no --password: give it in SIARCHIVE_DB_PASSWORD\n" + USAGE);
        }
        var run = named.containsKey("run") ? Long.valueOf(named.get("run")) : null;
        var datasets = list(named.get("datasets")).stream().map(Long::valueOf).toList();
        var rules = list(named.get("rules"));
        var asOf = named.containsKey("as-of") ? LocalDate.parse(named.get("as-of")) : null;
        if (named.containsKey("export-to") && named.containsKey("rows-from")) {
            throw new IllegalArgumentException("--export-to or --rows-from, not both\n" + USAGE);
        }
        if ((run == null) == (datasets.isEmpty() || rules.isEmpty() || asOf == null)) {
            throw new IllegalArgumentException("either --run or --datasets, --rules and --as-of\n" + USAGE);
        }
        return new JobArguments(
                required(named, "jdbc-url"),
                required(named, "user"),
                env.getOrDefault("SIARCHIVE_DB_PASSWORD", ""),
                run,
                datasets,
                rules,
                asOf,
                required(named, "out"),
                Long.parseLong(named.getOrDefault("rows-per-partition", "500000")),
                named.get("export-to"),
                named.get("rows-from"));
    }

    JdbcSource jdbc() {
        return new JdbcSource(jdbcUrl, user, password, rowsPerPartition);
    }

    private static List<String> list(@Nullable String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static String required(Map<String, String> named, String name) {
        var v = named.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return v;
    }

    @Override
    public String toString() {
        return "JobArguments[" + jdbcUrl + ", user=" + user + ", run=" + run + ", datasets=" + datasets + ", rules="
                + rules + ", asOf=" + asOf + ", out=" + out + ", exportTo=" + exportTo + ", rowsFrom=" + rowsFrom + "]";
    }
}
