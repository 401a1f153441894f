package org.siarchive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (architecture.md §2 "never read another module's tables", docs/adr/0039): every table is
 * created by a migration in its owning module's folder {@code db/migration/<module>/}, and the SQL in a module's
 * main sources names only that module's tables. Reads the files only, no database.
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MAIN = Path.of("src/main/java/org/siarchive");

    /**
     * V2_1__security.sql (applied, so never edited) created the tables of four modules; every other table's owner is
     * the folder of the migration that creates it.
     */
    private static final Map<String, Map<String, String>> CREATED_FOR_ANOTHER_MODULE = Map.of(
            "security/V2_1__security.sql",
            Map.of(
                    "audit_chain_head", "audit",
                    "audit_checkpoint", "audit",
                    "crypto_key", "crypto",
                    "org_unit", "organisation"));

    /**
     * Applied migrations that changed another module's table before tables had owners. Frozen: a new migration
     * changes only its own module's tables.
     */
    private static final Set<String> APPLIED_CHANGES_TO_ANOTHER_MODULES_TABLE = Set.of(
            "security/V2_1__security.sql -> audit_entry",
            "security/V2_1__security.sql -> fonds",
            "security/V2_1__security.sql -> person",
            "security/V2_1__security.sql -> search_entry",
            "integrity/V5_3__preservation_monitoring.sql -> item_rendition",
            "certificates/V12_3__scope_of_certificates_and_physical_loans.sql -> physical_loan",
            "lending/V12_7__register_borrower_and_duplicates.sql -> scan_item",
            "lending/V12_7__register_borrower_and_duplicates.sql -> item_file");

    /**
     * The word before a table name in SQL. {@code from} and {@code join} also cover {@code delete from}, {@code left
     * join}, {@code exists (select … from}; {@code table} covers {@code alter/lock/truncate table}.
     */
    private static final Pattern NAMES_A_TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table|truncate|references|copy|exists)\\s+"
                    + "(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?(?:public\\.)?\"?([a-z_][a-z0-9_]*)\"?",
            Pattern.CASE_INSENSITIVE);

    /** {@code from a x, b y}: the tables after the first of a comma list, up to the next clause. */
    private static final Pattern FROM_LIST = Pattern.compile(
            "\\bfrom\\s+(.+?)(?=\\b(?:where|join|left|right|inner|full|cross|natural|on|group|order|limit|offset|"
                    + "union|except|intersect|returning|for|having|window|using)\\b|[;)]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A string is SQL when it has a statement or clause keyword; messages and Javadoc-like text do not. */
    private static final Pattern LOOKS_LIKE_SQL = Pattern.compile(
            "\\b(?:select|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|where|returning|truncate|"
                    + "lock\\s+table|alter\\s+table|join\\s+\\w+(?:\\s+\\w+)?\\s+on|on\\s+conflict)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATES = Pattern.compile(
            "\\bcreate\\s+(?:unlogged\\s+|temporary\\s+|temp\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "(?:public\\.)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** What a migration changes: altered, indexed, written, dropped or commented tables. */
    private static final Pattern CHANGES = Pattern.compile(
            "\\b(?:alter\\s+table|drop\\s+table|truncate(?:\\s+table)?|insert\\s+into|delete\\s+from|update|"
                    + "comment\\s+on\\s+(?:table|column)|create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?"
                    + "(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\s+)?on|create\\s+(?:or\\s+replace\\s+)?trigger\\s+.+?\\s+on)"
                    + "\\s+(?:only\\s+)?(?:if\\s+exists\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MIGRATION_NAME = Pattern.compile("(?:V[0-9]+(?:_[0-9]+)*|R)__[A-Za-z0-9_]+\\.sql");

    record Migration(String path, String module, String sql) {}

    record Read(String module, String file, String table, String owner) {
        String edge() {
            return module + " -> " + table;
        }

        @Override
        public String toString() {
            return "module " + module + ", " + file + ": table " + table + " (owned by " + owner + ")";
        }
    }

    private static Set<String> modules;
    private static List<Migration> migrations;
    private static Map<String, String> owners;
    private static List<Read> reads;

    @BeforeAll
    static void readMigrationsAndSources() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> dirs = Files.list(MAIN)) {
            modules = dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        migrations = readMigrations();
        owners = owners(migrations);
        reads = reads();
    }

    @Test
    void everyMigrationSitsInTheFolderOfAModule() throws IOException {
        List<String> misplaced;
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            misplaced = files.filter(Files::isRegularFile)
                    .map(p -> MIGRATIONS.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !(p.split("/").length == 2
                            && modules.contains(p.split("/")[0])
                            && MIGRATION_NAME.matcher(p.split("/")[1]).matches()))
                    .sorted()
                    .toList();
        }
        assertThat(misplaced)
                .as("migrations outside db/migration/<module>/ (one of %s)", modules)
                .isEmpty();
    }

    @Test
    void everyTableIsCreatedOnce() {
        var created = new TreeMap<String, List<String>>();
        for (var m : migrations) {
            for (String t : matches(CREATES, m.sql())) {
                created.computeIfAbsent(t, k -> new ArrayList<>()).add(m.path());
            }
        }
        assertThat(created.entrySet().stream()
                        .filter(e -> e.getValue().size() > 1)
                        .map(e -> e.getKey() + " in " + e.getValue()))
                .as("tables created by more than one migration")
                .isEmpty();
        assertThat(created).as("tables found in the migrations").containsKeys("item", "audit_entry", "org_unit");
    }

    @Test
    void aMigrationChangesOnlyItsOwnModulesTables() {
        var foreign = new TreeMap<String, String>();
        for (var m : migrations) {
            for (String t : matches(CHANGES, m.sql())) {
                String owner = owners.get(t);
                if (owner != null && !owner.equals(m.module()) && !ownedThroughHistory(m, t)) {
                    foreign.put(m.path() + " -> " + t, owner);
                }
            }
        }
        assertThat(foreign.entrySet().stream()
                        .filter(e -> !APPLIED_CHANGES_TO_ANOTHER_MODULES_TABLE.contains(e.getKey()))
                        .map(e -> e.getKey() + " (owned by " + e.getValue() + ")"))
                .as("migrations that change another module's table: put the change in the owner's folder")
                .isEmpty();
        assertThat(APPLIED_CHANGES_TO_ANOTHER_MODULES_TABLE.stream().filter(c -> !foreign.containsKey(c)))
                .as("entries of APPLIED_CHANGES_TO_ANOTHER_MODULES_TABLE that no migration makes")
                .isEmpty();
    }

    @Test
    void aModulesSqlNamesOnlyItsOwnTables() {
        assertThat(reads)
                .as("SQL naming another module's table: ask the owner's API bean or listen to its events")
                .isEmpty();
    }

    @Test
    void theScannerSeesSqlAndIgnoresProse() {
        assertThat(tablesNamedIn("select a from item i, org_unit o where i.x = o.y"))
                .containsExactlyInAnyOrder("item", "org_unit");
        assertThat(tablesNamedIn("delete from fonds where id = :id")).containsExactly("fonds");
        assertThat(tablesNamedIn("update scan_item set x = 1")).containsExactly("scan_item");
        assertThat(tablesNamedIn("insert into utilisation (a) values (1) on conflict do nothing"))
                .containsExactly("utilisation");
        assertThat(tablesNamedIn(" left join org_unit u on u.id = a.org_unit_id"))
                .containsExactly("org_unit");
        assertThat(tablesNamedIn("the item was taken from fonds 3")).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------------------

    private static boolean ownedThroughHistory(Migration m, String table) {
        return CREATED_FOR_ANOTHER_MODULE.getOrDefault(m.path(), Map.of()).containsKey(table);
    }

    private static List<Migration> readMigrations() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql"))
                    .sorted()
                    .map(p -> {
                        String rel = MIGRATIONS.relativize(p).toString().replace('\\', '/');
                        String module = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
                        return new Migration(rel, module, withoutComments(read(p)));
                    })
                    .toList();
        }
    }

    /** Table → owning module: the folder of its creating migration, or the historical map. */
    private static Map<String, String> owners(List<Migration> migrations) {
        var owners = new TreeMap<String, String>();
        for (var m : migrations) {
            for (String t : matches(CREATES, m.sql())) {
                owners.put(
                        t,
                        CREATED_FOR_ANOTHER_MODULE
                                .getOrDefault(m.path(), Map.of())
                                .getOrDefault(t, m.module()));
            }
        }
        return owners;
    }

    private static List<Read> reads() throws IOException {
        var found = new ArrayList<Read>();
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(module))) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String sql : stringsOf(file)) {
                        for (String table : tablesNamedIn(sql)) {
                            String owner = owners.get(table);
                            if (owner != null && !owner.equals(module)) {
                                found.add(new Read(module, MAIN.relativize(file).toString(), table, owner));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every string constant of a file; a chain {@code "a" + x + "b"} is one string with {@code ?} for x. */
    private static List<String> stringsOf(Path file) throws IOException {
        var cu = StaticJavaParser.parse(file);
        var strings = new ArrayList<String>();
        cu.findAll(StringLiteralExpr.class).stream()
                .filter(s -> !partOfConcatenation(s))
                .forEach(s -> strings.add(s.asString()));
        cu.findAll(TextBlockLiteralExpr.class).stream()
                .filter(s -> !partOfConcatenation(s))
                .forEach(s -> strings.add(s.asString()));
        cu.findAll(BinaryExpr.class).stream()
                .filter(b -> b.getOperator() == BinaryExpr.Operator.PLUS && !partOfConcatenation(b))
                .forEach(b -> strings.add(concatenated(b)));
        return strings;
    }

    private static boolean partOfConcatenation(Node n) {
        return n.getParentNode()
                .filter(p -> p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS)
                .isPresent();
    }

    private static String concatenated(Node n) {
        if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return concatenated(b.getLeft()) + concatenated(b.getRight());
        }
        if (n instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (n instanceof TextBlockLiteralExpr t) {
            return t.asString();
        }
        return " ? ";
    }

    static Set<String> tablesNamedIn(String text) {
        var tables = new TreeSet<String>();
        if (!LOOKS_LIKE_SQL.matcher(text).find()) {
            return tables;
        }
        tables.addAll(matches(NAMES_A_TABLE, text));
        Matcher list = FROM_LIST.matcher(text);
        while (list.find()) {
            for (String part : list.group(1).split(",")) {
                String first = part.strip().split("\\s+")[0].replace("\"", "");
                if (first.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    tables.add(first.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static List<String> matches(Pattern p, String text) {
        var found = new ArrayList<String>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return found;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
