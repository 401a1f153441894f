package org.siarchive.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The codes and names of one code table (e.g. DATA_SOURCE), in their order, for modules that offer or check them. */
@Component
public class CodeTableLookup {

    private final JdbcClient jdbc;

    CodeTableLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Code → name of {@code category}, in sort order; empty for an unknown category. */
    public Map<String, String> codes(String category) {
        return jdbc
                .sql("select code, name from code_table where category = :c order by sort_order, code")
                .param("c", category)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
