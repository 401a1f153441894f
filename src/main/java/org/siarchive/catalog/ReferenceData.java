package org.siarchive.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the classification scheme and code tables; a snapshot is reused for a short while. */
@Component
class ReferenceData {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private volatile Classification snapshot;
    private volatile Instant loadedAt = Instant.EPOCH;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Classification classification() {
        if (snapshot == null || Instant.now().isAfter(loadedAt.plus(TTL))) {
            snapshot = load();
            loadedAt = Instant.now();
        }
        return snapshot;
    }

    void invalidate() {
        loadedAt = Instant.EPOCH;
    }

    private Classification load() {
        var categories = jdbc.sql("select code, name from material_category order by sort_order")
                .query(Classification.Category.class)
                .list();
        var materials = jdbc
                .sql(
                        """
                select m.code, m.name, s.code as scope_code, s.name as scope_name, s.retention_code
                from material_type m join archive_scope s on s.code = m.scope_code order by m.code
                """)
                .query(Classification.Material.class)
                .list()
                .stream()
                .collect(Collectors.toMap(Classification.Material::code, m -> m, (a, b) -> a, LinkedHashMap::new));
        var stepMaterials = jdbc
                .sql(
                        """
                select bsm.step_code, m.code, m.name, bsm.required
                from business_step_material bsm join material_type m on m.code = bsm.material_code
                order by bsm.step_code, bsm.sort_order
                """)
                .query((rs, n) -> Map.entry(
                        rs.getString("step_code"),
                        new Classification.StepMaterial(
                                rs.getString("code"), rs.getString("name"), rs.getBoolean("required"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        var steps = jdbc.sql(
                        """
                select code, name, category_code, insurance_type, subject from business_step
                where active order by category_code, code
                """)
                .query((rs, n) -> new Classification.Step(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("category_code"),
                        rs.getString("insurance_type"),
                        rs.getString("subject"),
                        stepMaterials.getOrDefault(rs.getString("code"), List.of())))
                .list();
        return new Classification(
                categories,
                steps,
                materials,
                codeTable("AAE140"),
                codeTable("AAC058"),
                codeTable("MJ"),
                jdbc
                        .sql("select code, name from fonds order by code")
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
    }

    private Map<String, String> codeTable(String category) {
        return jdbc
                .sql("select code, name from code_table where category = :c order by sort_order, code")
                .param("c", category)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    Retention retention(String code) {
        return jdbc.sql("select code, name, years from retention_period where code = :c")
                .param("c", code)
                .query(Retention.class)
                .single();
    }

    /** The longest retention among the given materials: an item is kept as long as its longest-kept part. */
    String longestRetention(List<String> materialCodes) {
        return jdbc.sql(
                        """
                select r.code from material_type m
                join archive_scope s on s.code = m.scope_code
                join retention_period r on r.code = s.retention_code
                where m.code in (:codes) order by r.sort_order limit 1
                """)
                .param("codes", materialCodes)
                .query(String.class)
                .single();
    }
}
