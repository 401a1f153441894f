package org.siarchive.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Reference files meant to hurt an importer (issue 17): names that are spreadsheet formulas, an ID cell that is
 * a formula, a header of unknown columns, binary junk named {@code .csv}, one line of {@code n} bytes without a
 * line break (streamed, so a test can send 100 MB without holding it), an XLSX zip bomb. XXE and DTDs go into
 * the XLSX parts with {@link HostileXml#plantIntoZip}. None may produce a 500 or a partial import.
 */
public final class HostileReferenceFiles {

    private HostileReferenceFiles() {}

    /** Values a spreadsheet would run as formulas, or as DDE, when a cell starts with them. */
    public static final List<String> FORMULA_NAMES =
            List.of("=HYPERLINK(\"http://127.0.0.1/x\",\"点此\")", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)");

    /**
     * A death list whose names are formulas (their ID numbers valid: the rows load, names kept masked) and whose
     * last two ID cells are formulas (rejected as wrong format; the error report must show them inert).
     */
    public static ReferenceFixtures.Fixture formulaInjection(ReferenceFixtures fixtures, LocalDate deathDay) {
        var persons = fixtures.persons(FORMULA_NAMES.size());
        var sb = new StringBuilder("公民身份号码,姓名,死亡日期\r\n");
        for (int i = 0; i < persons.size(); i++) {
            sb.append(ReferenceFixtures.csv(persons.get(i).certNo(), FORMULA_NAMES.get(i), deathDay.toString()))
                    .append("\r\n");
        }
        sb.append(ReferenceFixtures.csv("=1+2", "张三", deathDay.toString())).append("\r\n");
        sb.append(ReferenceFixtures.csv("+8613800000000", "李四", deathDay.toString()))
                .append("\r\n");
        return new ReferenceFixtures.Fixture(
                "公式名单.csv",
                ReferenceFixtures.CSV,
                "DEATH",
                "GA",
                "含公式的名单",
                deathDay,
                sb.toString().getBytes(StandardCharsets.UTF_8),
                persons.size() + 2,
                persons.size(),
                2,
                persons.stream().map(ReferenceFixtures.Person::certNo).toList());
    }

    /** A CSV whose header names none of a death list's columns. */
    public static byte[] wrongColumns() {
        return "编号,甲,乙,丙\r\n1,a,b,c\r\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Random bytes with NULs and control characters, as a file mistakenly (or deliberately) named .csv. */
    public static byte[] binaryJunk(long seed, int size) {
        var bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = (byte) 0xff;
        return bytes;
    }

    /** A header then one line of {@code size} bytes of digits and commas without a line break, streamed. */
    public static InputStream oneLine(long size) {
        byte[] header = "公民身份号码,姓名,死亡日期\n".getBytes(StandardCharsets.UTF_8);
        InputStream body = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                return (int) ('0' + (left-- % 10));
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((left - i) % 97 == 0 ? ',' : '0' + (left - i) % 10);
                }
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(header), body);
    }

    /** The same as bytes (for sizes a test can hold). */
    public static byte[] oneLineBytes(int size) {
        try (var in = oneLine(size)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An XLSX whose sheet inflates to {@code inflated} bytes from a zip of about a thousandth of that. */
    public static byte[] zipBomb(long inflated) {
        return RawXlsx.bomb(inflated);
    }
}
