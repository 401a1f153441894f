package org.siarchive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's JdbcClient maps records as Spring does, without asking the driver for camelCase names. */
class RecordRowsIT extends IntegrationTest {

    enum Level {
        LOW,
        HIGH
    }

    record Row(
            long id,
            @Nullable Long parentId,
            String displayName,
            int pageCount,
            LocalDate docDate,
            OffsetDateTime handledAt,
            @Nullable Level level) {}

    private static final String ROWS =
            """
            select n as id, case when n = 1 then null else n - 1 end as parent_id, 'unit ' || n as "displayName",
                   (n * 2)::smallint as page_count, date '2024-01-31' + n as doc_date,
                   timestamptz '2024-05-01 08:00:00+08' as handled_at,
                   case when n = 2 then 'HIGH' when n = 3 then null else 'LOW' end as level
            from generate_series(1, 3) n order by n
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void mapsRecordsByNameOrUnderscoreNameWithSpringsConversions() {
        var rows = jdbc.sql(ROWS).query(Row.class).list();

        assertThat(rows)
                .containsExactly(
                        new Row(1, null, "unit 1", 2, LocalDate.of(2024, 2, 1), handled(), Level.LOW),
                        new Row(2, 1L, "unit 2", 4, LocalDate.of(2024, 2, 2), handled(), Level.HIGH),
                        new Row(3, 2L, "unit 3", 6, LocalDate.of(2024, 2, 3), handled(), null));
    }

    @Test
    void givesTheSameRecordsAsSpringsOwnMapper() {
        var spring = new SimplePropertyRowMapper<>(Row.class, DefaultConversionService.getSharedInstance());

        var ours = jdbc.sql(ROWS).query(Row.class).list();
        var theirs = jdbc.sql(ROWS).query(spring).list();

        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void neverAsksTheDriverToFindAColumnByName() throws Exception {
        var finds = new AtomicInteger();
        var mapper = new RecordRows.Plan<>(Row.class, (rs, n) -> {
                    throw new AssertionError("fell back");
                })
                .mapper(DefaultConversionService.getSharedInstance());
        var mapped = new ArrayList<Row>();
        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery(ROWS)) {
            var counted = counting(rs, finds);
            for (int n = 0; counted.next(); n++) {
                mapped.add(mapper.mapRow(counted, n));
            }
        }

        assertThat(mapped).hasSize(3);
        assertThat(finds).hasValue(0);
    }

    @Test
    void aComponentWithoutAColumnFailsAsItDidBefore() {
        assertThatThrownBy(() -> jdbc.sql("select 1 as id").query(Row.class).list())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("The column name parent_id was not found");
    }

    @Test
    void leavesSimpleTypesAndPlainClassesToSpring() {
        assertThat(jdbc.sql("select 42").query(Long.class).single()).isEqualTo(42L);
        assertThat(jdbc.sql("select 'x'").query(String.class).list()).isEqualTo(List.of("x"));
    }

    private static OffsetDateTime handled() {
        return OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    /** The driver's own result set, with its findColumn calls counted. */
    private static ResultSet counting(ResultSet rs, AtomicInteger finds) {
        return (ResultSet) Proxy.newProxyInstance(
                RecordRowsIT.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findColumn")) {
                        finds.incrementAndGet();
                    }
                    try {
                        return method.invoke(rs, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
