package org.siarchive.comparison;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.comparison.Datasets.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of reference_dataset and reference_import_error rows; every read within an org_path pattern. */
@Component
class DatasetRows {

    /** One dataset as pages and the API show it. */
    record Dataset(
            long id,
            Kind kind,
            String source,
            long orgId,
            String orgPath,
            String title,
            @Nullable LocalDate asOf,
            String format,
            @Nullable String fileName,
            String fileSm3,
            long fileSize,
            @Nullable String encoding,
            String state,
            long rowsRead,
            long rowsLoaded,
            long rowsRejected,
            @Nullable String failure,
            String createdBy,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime finishedAt,
            @Nullable String withdrawnBy,
            @Nullable OffsetDateTime withdrawnAt,
            @Nullable String withdrawnReason) {}

    /** A new dataset's facts, before it is inserted. */
    record NewDataset(
            Kind kind,
            String source,
            long orgId,
            String orgPath,
            String title,
            @Nullable LocalDate asOf,
            String format,
            @Nullable String fileName,
            String fileSm3,
            long fileSize,
            String createdBy) {}

    private static final String COLUMNS =
            """
            id, kind, source, org_id, org_path, title, as_of, format, file_name, file_sm3, file_size, encoding, state,
            rows_read, rows_loaded, rows_rejected, failure, created_by, created_at, finished_at, withdrawn_by,
            withdrawn_at, withdrawn_reason""";

    private final JdbcClient jdbc;

    DatasetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewDataset d) {
        return jdbc.sql(
                        """
                insert into reference_dataset (kind, source, org_id, org_path, title, as_of, format, file_name,
                    file_sm3, file_size, created_by)
                values (:kind, :source, :org, :path, :title, :asOf, :format, :file, :sm3, :size, :by) returning id""")
                .param("kind", d.kind().name())
                .param("source", d.source())
                .param("org", d.orgId())
                .param("path", d.orgPath())
                .param("title", d.title())
                .param("asOf", d.asOf())
                .param("format", d.format())
                .param("file", d.fileName())
                .param("sm3", d.fileSm3())
                .param("size", d.fileSize())
                .param("by", d.createdBy())
                .query(Long.class)
                .single();
    }

    /** The dataset already holding these bytes of this kind and source for this unit (RECEIVING or LOADED). */
    Optional<Long> same(Kind kind, String source, long orgId, String sm3) {
        return jdbc.sql(
                        """
                select id from reference_dataset where kind = :kind and source = :source and org_id = :org
                and file_sm3 = :sm3 and state in ('RECEIVING', 'LOADED')""")
                .param("kind", kind.name())
                .param("source", source)
                .param("org", orgId)
                .param("sm3", sm3)
                .query(Long.class)
                .optional();
    }

    Optional<Dataset> find(long id, String orgPattern) {
        return jdbc.sql("select " + COLUMNS + " from reference_dataset where id = :id and org_path like :org")
                .param("id", id)
                .param("org", orgPattern)
                .query(Dataset.class)
                .optional();
    }

    /** A page of datasets within the pattern, newest first; blank filters are not applied. */
    List<Dataset> page(
            String orgPattern,
            @Nullable String kind,
            @Nullable String source,
            @Nullable String state,
            long offset,
            int size) {
        return jdbc.sql("select " + COLUMNS + " from reference_dataset " + WHERE
                        + " order by id desc offset :off limit :size")
                .param("org", orgPattern)
                .param("kind", kind)
                .param("source", source)
                .param("state", state)
                .param("off", offset)
                .param("size", size)
                .query(Dataset.class)
                .list();
    }

    long count(String orgPattern, @Nullable String kind, @Nullable String source, @Nullable String state) {
        return jdbc.sql("select count(*) from reference_dataset " + WHERE)
                .param("org", orgPattern)
                .param("kind", kind)
                .param("source", source)
                .param("state", state)
                .query(Long.class)
                .single();
    }

    private static final String WHERE =
            """
             where org_path like :org and (cast(:kind as text) is null or kind = :kind)
             and (cast(:source as text) is null or source = :source)
             and (cast(:state as text) is null or state = :state)""";

    void progress(long id, long read, long rejected) {
        jdbc.sql(
                        "update reference_dataset set rows_read = :r, rows_rejected = :x where id = :id and state = 'RECEIVING'")
                .param("id", id)
                .param("r", read)
                .param("x", rejected)
                .update();
    }

    void loaded(long id, long read, long loaded, long rejected, @Nullable String encoding) {
        jdbc.sql(
                        """
                update reference_dataset set state = 'LOADED', rows_read = :r, rows_loaded = :l, rows_rejected = :x,
                    encoding = :enc, finished_at = now() where id = :id and state = 'RECEIVING'""")
                .param("id", id)
                .param("r", read)
                .param("l", loaded)
                .param("x", rejected)
                .param("enc", encoding)
                .update();
    }

    /** Marks a RECEIVING dataset FAILED; false when it was not RECEIVING any more. */
    boolean failed(long id, String failure) {
        return jdbc.sql(
                                """
                update reference_dataset set state = 'FAILED', failure = :f, finished_at = now()
                where id = :id and state = 'RECEIVING'""")
                        .param("id", id)
                        .param("f", failure.length() > 500 ? failure.substring(0, 500) : failure)
                        .update()
                == 1;
    }

    /** Every RECEIVING dataset becomes FAILED (interrupted): for start-up, when no import can be running. */
    List<Long> failAllReceiving(String failure) {
        return jdbc.sql(
                        """
                update reference_dataset set state = 'FAILED', failure = :f, finished_at = now()
                where state = 'RECEIVING' returning id""")
                .param("f", failure)
                .query(Long.class)
                .list();
    }

    boolean withdrawn(long id, String by, String reason) {
        return jdbc.sql(
                                """
                update reference_dataset set state = 'WITHDRAWN', withdrawn_by = :by, withdrawn_at = now(),
                    withdrawn_reason = :why where id = :id and state = 'LOADED'""")
                        .param("id", id)
                        .param("by", by)
                        .param("why", reason)
                        .update()
                == 1;
    }

    List<ImportError> errors(long id, int limit) {
        return jdbc.sql(
                        """
                select row_no, column_name, rule, value_masked from reference_import_error
                where dataset_id = :id order by row_no, column_name limit :limit""")
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new ImportError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
