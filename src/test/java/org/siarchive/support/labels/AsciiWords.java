package org.siarchive.support.labels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The label test's judge (docs/adr/0056): finds ASCII words in text people read that are not allowed by
 * {@code labels/allowed-ascii.txt}: proper names, 档号, numbers and units, one regular expression a line
 * with a comment why. A line {@code known <owner> <path-regex> <word-regex>} admits one word on one
 * page owned by another part until that part labels it (the lead empties that list after merging).
 */
public final class AsciiWords {

    /** An offending word, where it was read, and the text around it. */
    public record Offence(String where, String path, String word, String context) {

        @Override
        public String toString() {
            return where + " " + path + ": \"" + word + "\" in \"" + context + "\"";
        }
    }

    /** A word allowed on one page only, because its owner has not labelled it yet. */
    record Known(String owner, Pattern path, Pattern word) {}

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e\\u00b7]+");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern EDGE = Pattern.compile("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$");

    private final List<Pattern> allowed;
    private final List<Known> known;

    AsciiWords(List<Pattern> allowed, List<Known> known) {
        this.allowed = List.copyOf(allowed);
        this.known = List.copyOf(known);
    }

    /** The allow-list of the repository (src/test/resources/labels/allowed-ascii.txt). */
    public static AsciiWords fromAllowList() {
        try (InputStream in = AsciiWords.class.getResourceAsStream("/labels/allowed-ascii.txt")) {
            if (in == null) {
                throw new IllegalStateException("labels/allowed-ascii.txt is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parses an allow-list's text. */
    public static AsciiWords parse(String text) {
        var allowed = new ArrayList<Pattern>();
        var known = new ArrayList<Known>();
        for (String raw : text.split("\n")) {
            String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("known ")) {
                String[] p = line.split("\\s+", 4);
                if (p.length != 4) {
                    throw new IllegalArgumentException("known <owner> <path-regex> <word-regex>: " + raw);
                }
                known.add(new Known(p[1], Pattern.compile(p[2]), Pattern.compile(p[3])));
            } else {
                allowed.add(Pattern.compile(line));
            }
        }
        return new AsciiWords(allowed, known);
    }

    /** The offending words of visible texts read at {@code path} as {@code where} (a role, a document). */
    public List<Offence> check(String where, String path, List<String> texts) {
        var out = new ArrayList<Offence>();
        for (String text : texts) {
            var m = TOKEN.matcher(text);
            while (m.find()) {
                String word = EDGE.matcher(m.group()).replaceAll("");
                if (LETTER.matcher(word).find() && !allowed(word) && !known(path, word)) {
                    out.add(new Offence(where, path, word, clip(text)));
                }
            }
        }
        return out;
    }

    /** Whether a word is allowed everywhere. */
    public boolean allowed(String word) {
        return allowed.stream().anyMatch(p -> p.matcher(word).matches());
    }

    private boolean known(String path, String word) {
        return known.stream()
                .anyMatch(k -> k.path().matcher(path).matches()
                        && k.word().matcher(word).matches());
    }

    private static String clip(String text) {
        String t = text.replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }
}
