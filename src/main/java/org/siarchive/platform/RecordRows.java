package org.siarchive.platform;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to a record by its canonical constructor, like Spring's {@code SimplePropertyRowMapper} (a component
 * {@code parentId} reads the column {@code parentId} or else {@code parent_id}, case-insensitively; values converted
 * the same way), but looks the columns up once per result set in its metadata. Spring's mapper asks the driver
 * {@code findColumn("parentId")} on every row first, and pgjdbc answers each miss with an exception and its stack
 * trace: on an API request that was most of the JVM's CPU (docs/benchmarks.md, issue 20 person files).
 *
 * <p>One {@link Plan} per record class (constructor, names, types); one mapper per query, which keeps the column
 * indexes of that query's result set. A component without a column falls back to Spring's mapper, so the error is
 * the one it always was.
 */
final class RecordRows<T> implements RowMapper<T> {

    /** What is known of a record class without a result set. */
    static final class Plan<T> {
        private final Constructor<T> constructor;
        private final String[] names;
        private final TypeDescriptor[] types;
        private final RowMapper<T> fallback;

        Plan(Class<T> type, RowMapper<T> fallback) {
            this.constructor = BeanUtils.getResolvableConstructor(type);
            this.names = BeanUtils.getParameterNames(constructor);
            this.types = new TypeDescriptor[names.length];
            for (int i = 0; i < names.length; i++) {
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
            this.fallback = fallback;
        }

        RecordRows<T> mapper(ConversionService conversions) {
            return new RecordRows<>(this, conversions);
        }
    }

    private final Plan<T> plan;
    private final ConversionService conversions;
    private @Nullable ResultSet resolvedFor;
    private int @Nullable [] columns;

    private RecordRows(Plan<T> plan, ConversionService conversions) {
        this.plan = plan;
        this.conversions = conversions;
    }

    @Override
    public @Nullable T mapRow(ResultSet rs, int rowNum) throws SQLException {
        int[] index = columns;
        if (index == null || resolvedFor != rs) {
            index = resolve(rs.getMetaData());
            columns = index;
            resolvedFor = rs;
        }
        if (index.length == 0) {
            return plan.fallback.mapRow(rs, rowNum);
        }
        var args = new Object[index.length];
        for (int i = 0; i < index.length; i++) {
            Object value = JdbcUtils.getResultSetValue(rs, index[i], plan.types[i].getType());
            args[i] = conversions.convert(value, plan.types[i]);
        }
        return BeanUtils.instantiateClass(plan.constructor, args);
    }

    /** Each component's column (first of that label, any case), or an empty array if one has none. */
    private int[] resolve(ResultSetMetaData meta) throws SQLException {
        var byLabel = new HashMap<String, Integer>();
        for (int c = meta.getColumnCount(); c >= 1; c--) {
            byLabel.put(JdbcUtils.lookupColumnName(meta, c).toLowerCase(Locale.ROOT), c);
        }
        var index = new int[plan.names.length];
        for (int i = 0; i < index.length; i++) {
            Integer c = column(byLabel, plan.names[i]);
            if (c == null) {
                return new int[0];
            }
            index[i] = c;
        }
        return index;
    }

    private static @Nullable Integer column(Map<String, Integer> byLabel, String name) {
        Integer direct = byLabel.get(name.toLowerCase(Locale.ROOT));
        return direct != null ? direct : byLabel.get(JdbcUtils.convertPropertyNameToUnderscoreName(name));
    }
}
