package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit trail may be the table partitioned by {@code seq} (docs/adr/0142, {@code audit-partition}); a later
 * migration must hold on both forms. PostgreSQL refuses on a partitioned table a primary key or unique constraint
 * without the partition key, and a foreign key that points at one would need such a key: no migration after the two
 * that built the single-node table may add either. Reads the files only, no database.
 */
class PartitionableAuditTrailTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The migrations that built the single-node table; the conversion gives the partitioned table its own keys. */
    private static final Set<String> SINGLE_NODE_TABLE = Set.of("V1_2__audit.sql", "V2_1__security.sql");

    private static final Pattern REFERENCES = Pattern.compile("references\\s+audit_entry\\b");
    private static final Pattern UNIQUE_ON = Pattern.compile(
            "create\\s+unique\\s+index\\s+(if\\s+not\\s+exists\\s+)?\\w*\\s*on\\s+audit_entry\\s*\\(([^)]*)\\)");
    private static final Pattern ALTER = Pattern.compile("alter\\s+table\\s+(only\\s+)?audit_entry\\b([^;]*);");

    @Test
    void noLaterMigrationAddsAKeyThePartitionedAuditTrailCannotHold() throws IOException {
        var offending = new ArrayList<String>();
        for (Path file : migrations()) {
            if (SINGLE_NODE_TABLE.contains(file.getFileName().toString())) {
                continue;
            }
            offending.addAll(offences(file.getFileName().toString(), Files.readString(file)));
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theRuleSeesEachKindOfOffence() {
        assertThat(offences("x.sql", "create table t (id bigint references audit_entry (id));"))
                .hasSize(1);
        assertThat(offences("x.sql", "create unique index a on audit_entry (object_id);"))
                .hasSize(1);
        assertThat(offences("x.sql", "alter table audit_entry add column n bigint unique;"))
                .hasSize(1);
        assertThat(offences("x.sql", "alter table audit_entry add primary key (id);"))
                .hasSize(1);
        assertThat(offences("x.sql", "create unique index a on audit_entry (seq, object_id);"))
                .isEmpty();
        assertThat(offences("x.sql", "alter table audit_entry add column n bigint;"))
                .isEmpty();
        assertThat(offences("x.sql", "create index a on audit_entry (object_id);"))
                .isEmpty();
    }

    static List<String> offences(String name, String sql) {
        String text = sql.toLowerCase(Locale.ROOT).replaceAll("--[^\n]*", " ");
        var found = new ArrayList<String>();
        if (REFERENCES.matcher(text).find()) {
            found.add(name + ": a foreign key to audit_entry");
        }
        var unique = UNIQUE_ON.matcher(text);
        while (unique.find()) {
            if (!unique.group(2).matches(".*\\bseq\\b.*")) {
                found.add(name + ": a unique index on audit_entry without seq");
            }
        }
        var alter = ALTER.matcher(text);
        while (alter.find()) {
            String change = alter.group(2);
            if (change.matches("(?s).*\\b(unique|primary\\s+key)\\b.*")
                    && !change.matches("(?s).*\\(\\s*seq\\s*\\).*")) {
                found.add(name + ": a key on audit_entry without seq");
            }
        }
        return found;
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
