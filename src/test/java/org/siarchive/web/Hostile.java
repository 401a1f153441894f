package org.siarchive.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The values a fuzzer sends where the surface expects a field: control and bidirectional characters,
 * bad encodings, overlong text, numbers out of every range, wrong types, SQL, HTML and path tricks.
 */
final class Hostile {

    static final String MALFORMED_ESCAPE = "%ZZ";

    /** Text values (sent as strings, in query, form and JSON alike). */
    static final List<String> TEXT = List.of(
            "\u0000",
            "a\u0000b",
            MALFORMED_ESCAPE,
            "%00",
            "\u202Eexe.pdf",
            "\u2066档案\u2069",
            "\u0007\u001b[31m\u007f",
            "\uD800",
            "\uFFFD\uFFFF",
            "A".repeat(100_000),
            "档".repeat(2_000), // just within the door's ceiling: longer than most columns
            "档".repeat(201),
            "档".repeat(100_000),
            "-1",
            "-2147483649",
            "2147483648",
            "99999999999999999999",
            "1e309",
            "NaN",
            "0",
            "1.5",
            "2024-02-30",
            "' or 1=1 --",
            "\"; drop table item; --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "/etc/passwd",
            "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}",
            "",
            " ",
            "null",
            "true",
            "[]",
            "{}");

    /** JSON values of the wrong kind, or right kind and hostile, for any field of a body. */
    static final List<String> JSON_ONLY = List.of(
            "null",
            "[null,null]",
            "[\"\\u0000\"]",
            "{\"a\":null}",
            "-1",
            "99999999999999999999999999",
            "1e309",
            "true",
            "[" + "[".repeat(2_000) + "]".repeat(2_000) + "]");

    /**
     * The values the input door lets through (no forbidden character, within its length): requests made of
     * these alone reach the validation and the code behind the door.
     */
    static final List<String> PAST_THE_DOOR = TEXT.stream()
            .filter(v -> v.length() <= org.siarchive.shared.Bounds.MAX_TEXT)
            .filter(v -> v.codePoints().noneMatch(org.siarchive.shared.Bounds::forbidden))
            .filter(v -> !v.equals(MALFORMED_ESCAPE))
            .toList();

    /** When set, every value of the current request is one the door lets through. */
    static boolean pastTheDoor;

    private Hostile() {}

    static String text(Random random) {
        var values = pastTheDoor ? PAST_THE_DOOR : TEXT;
        return values.get(random.nextInt(values.size()));
    }

    /** A JSON value: a hostile string or a hostile non-string. */
    static String json(Random random) {
        if (random.nextInt(3) == 0) {
            String value = JSON_ONLY.get(random.nextInt(JSON_ONLY.size()));
            return pastTheDoor && value.contains("\\u0000") ? "[null]" : value;
        }
        return quote(text(random));
    }

    static String quote(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A file part: hostile name, a few bytes that are no archival format. */
    static List<Object> file(Random random) {
        var names = new ArrayList<>(List.of(
                "../../etc/passwd", "a\u202Egnp.exe", "x\u0000.pdf", "<script>.png", "A".repeat(5_000) + ".pdf"));
        if (pastTheDoor) {
            names = new ArrayList<>(List.of("../../etc/passwd", "<script>.png", "' or 1=1 --.pdf"));
        }
        String name = names.get(random.nextInt(names.size()));
        byte[] bytes = random.nextBoolean() ? "%PDF-1.4\n".getBytes() : "PK\u0003\u0004 not a zip".getBytes();
        return List.of(name, bytes);
    }
}
