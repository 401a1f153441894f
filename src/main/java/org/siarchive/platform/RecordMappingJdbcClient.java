package org.siarchive.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The application's {@link JdbcClient}: Spring's own, except that {@code query(SomeRecord.class)} maps through
 * {@link RecordRows}, which finds the record's columns once per result set instead of asking the driver for each
 * camelCase name on every row (one exception per miss). Every module's {@code query(X.class)} goes through this one
 * door; simple types and non-record classes are mapped by Spring as before.
 */
final class RecordMappingJdbcClient implements JdbcClient {

    private final JdbcClient delegate;
    private final ConversionService conversions = DefaultConversionService.getSharedInstance();
    private final Map<Class<?>, RecordRows.Plan<?>> plans = new ConcurrentHashMap<>();

    RecordMappingJdbcClient(NamedParameterJdbcOperations operations) {
        this.delegate = JdbcClient.create(operations);
    }

    @Override
    public StatementSpec sql(String sql) {
        return new Spec(delegate.sql(sql));
    }

    @SuppressWarnings("unchecked")
    private <T> RecordRows.Plan<T> plan(Class<T> type) {
        return (RecordRows.Plan<T>) plans.computeIfAbsent(
                type, t -> new RecordRows.Plan<>(type, new SimplePropertyRowMapper<>(type, conversions)));
    }

    private final class Spec implements StatementSpec {

        private final StatementSpec spec;

        Spec(StatementSpec spec) {
            this.spec = spec;
        }

        @Override
        public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
            if (!mappedClass.isRecord() || BeanUtils.isSimpleProperty(mappedClass)) {
                return spec.query(mappedClass);
            }
            return spec.query(plan(mappedClass).mapper(conversions));
        }

        @Override
        public StatementSpec withFetchSize(int fetchSize) {
            spec.withFetchSize(fetchSize);
            return this;
        }

        @Override
        public StatementSpec withMaxRows(int maxRows) {
            spec.withMaxRows(maxRows);
            return this;
        }

        @Override
        public StatementSpec withQueryTimeout(int queryTimeout) {
            spec.withQueryTimeout(queryTimeout);
            return this;
        }

        @Override
        public StatementSpec param(@Nullable Object value) {
            spec.param(value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, @Nullable Object value) {
            spec.param(jdbcIndex, value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, @Nullable Object value, int sqlType) {
            spec.param(jdbcIndex, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec param(String name, @Nullable Object value) {
            spec.param(name, value);
            return this;
        }

        @Override
        public StatementSpec param(String name, @Nullable Object value, int sqlType) {
            spec.param(name, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec params(@Nullable Object... values) {
            spec.params(values);
            return this;
        }

        @Override
        public StatementSpec params(List<?> values) {
            spec.params(values);
            return this;
        }

        @Override
        public StatementSpec params(Map<String, ?> paramMap) {
            spec.params(paramMap);
            return this;
        }

        @Override
        public StatementSpec paramSource(Object namedParamObject) {
            spec.paramSource(namedParamObject);
            return this;
        }

        @Override
        public StatementSpec paramSource(SqlParameterSource namedParamSource) {
            spec.paramSource(namedParamSource);
            return this;
        }

        @Override
        public ResultQuerySpec query() {
            return spec.query();
        }

        @Override
        public <T> MappedQuerySpec<T> query(RowMapper<T> rowMapper) {
            return spec.query(rowMapper);
        }

        @Override
        public void query(RowCallbackHandler rch) {
            spec.query(rch);
        }

        @Override
        public <T> T query(ResultSetExtractor<T> rse) {
            return spec.query(rse);
        }

        @Override
        public int update() {
            return spec.update();
        }

        @Override
        public int update(KeyHolder generatedKeyHolder) {
            return spec.update(generatedKeyHolder);
        }

        @Override
        public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) {
            return spec.update(generatedKeyHolder, keyColumnNames);
        }
    }
}
