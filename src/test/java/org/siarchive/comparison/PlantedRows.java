package org.siarchive.comparison;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.siarchive.quality.CitizenIdNumber;

/**
 * Writes reference datasets and rows straight into {@code reference_dataset}/{@code reference_row} with COPY
 * (the import path is the reference part's): tokens and ciphertext by {@link ReferenceTokens}, or — for the
 * benchmark's millions of background rows — a token only and a placeholder ciphertext.
 */
public final class PlantedRows {

    /** One reference row as a test states it; nulls stay null. */
    public record Row(
            String cert,
            @Nullable LocalDate birth,
            @Nullable String gender,
            @Nullable String scheme,
            @Nullable String subtype,
            @Nullable String status,
            @Nullable LocalDate start,
            @Nullable LocalDate end,
            @Nullable LocalDate event,
            @Nullable LocalDate lastPaid,
            @Nullable String amount,
            @Nullable String region,
            @Nullable String agency) {}

    /** How an ID number becomes its join token and its stored ciphertext. */
    public interface Sealing {
        byte[] token(String cert);

        byte[] seal(String cert);
    }

    private final DataSource dataSource;
    private final Sealing tokens;

    public PlantedRows(DataSource dataSource, ReferenceTokens tokens) {
        this(dataSource, new Sealing() {
            @Override
            public byte[] token(String cert) {
                return tokens.token(cert);
            }

            @Override
            public byte[] seal(String cert) {
                return tokens.seal(cert);
            }
        });
    }

    /** Rows sealed otherwise than by the platform's keys (a test outside the platform's context). */
    public PlantedRows(DataSource dataSource, Sealing sealing) {
        this.dataSource = dataSource;
        this.tokens = sealing;
    }

    /** A valid ID number: region, birth date and a 3-digit sequence, with its check character. */
    public static String cert(String region, LocalDate birth, int seq) {
        String first17 = region + birth.toString().replace("-", "") + "%03d".formatted(seq % 1000);
        return first17 + CitizenIdNumber.checkChar(first17);
    }

    /** Creates a LOADED dataset and answers its id. */
    public long dataset(String kind, String source, long orgId, String orgPath, long rows) {
        try (Connection c = dataSource.getConnection();
                var st = c.prepareStatement("insert into reference_dataset (kind, source, org_id, org_path, title,"
                        + " as_of, format, file_name, file_sm3, state, rows_read, rows_loaded, created_by,"
                        + " finished_at) values (?, ?, ?, ?, ?, current_date, 'CSV', ?, ?, 'LOADED', ?, ?,"
                        + " 'planted', now()) returning id")) {
            String sm3 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            st.setString(1, kind);
            st.setString(2, source);
            st.setLong(3, orgId);
            st.setString(4, orgPath);
            st.setString(5, kind + " " + source);
            st.setString(6, kind.toLowerCase() + ".csv");
            st.setString(7, sm3);
            st.setLong(8, rows);
            st.setLong(9, rows);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COPies rows {@code 0..n-1} of a dataset, made by {@code row}, sealing every ID number or none. */
    public void copy(long datasetId, int n, Function<Integer, Row> row, boolean seal) {
        var hex = HexFormat.of();
        byte[] placeholder = new byte[28];
        int batch = 100_000;
        try (Connection c = dataSource.getConnection()) {
            var in = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY reference_row (dataset_id, row_no, token,"
                            + " cert_enc, name_masked, birth_date, gender, scheme, subtype, status, start_date, end_date,"
                            + " event_date, last_paid, amount, region_code, agency_code) FROM STDIN (FORMAT csv)");
            try {
                for (int from = 0; from < n; from += batch) {
                    var lines = IntStream.range(from, Math.min(n, from + batch))
                            .parallel()
                            .mapToObj(i -> line(datasetId, i, row.apply(i), seal, hex, placeholder))
                            .toList();
                    byte[] bytes = String.join("", lines).getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COPies a list of rows into a dataset. */
    public void copy(long datasetId, List<Row> rows) {
        copy(datasetId, rows.size(), rows::get, true);
    }

    private String line(long ds, int i, Row r, boolean seal, HexFormat hex, byte[] placeholder) {
        var f = new ArrayList<String>(17);
        f.add(Long.toString(ds));
        f.add(Integer.toString(i + 1));
        f.add("\\x" + hex.formatHex(tokens.token(r.cert())));
        f.add("\\x" + hex.formatHex(seal ? tokens.seal(r.cert()) : placeholder));
        f.add("张*");
        f.add(s(r.birth()));
        f.add(s(r.gender()));
        f.add(s(r.scheme()));
        f.add(s(r.subtype()));
        f.add(s(r.status()));
        f.add(s(r.start()));
        f.add(s(r.end()));
        f.add(s(r.event()));
        f.add(s(r.lastPaid()));
        f.add(s(r.amount()));
        f.add(s(r.region()));
        f.add(s(r.agency()));
        return String.join(",", f) + "\n";
    }

    private static String s(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }
}
