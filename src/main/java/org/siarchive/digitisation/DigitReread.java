package org.siarchive.digitisation;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/**
 * A second reading of digit-bearing words (ADR 0058): {@code chi_sim} reads printed 0 as 6 or 8 and drops
 * digits, so each digit run ({@link DigitRuns}) is read again on its box, padded, as a single line by a Latin
 * model restricted to the characters the value can hold — 18-character runs as an ID number, failing that as
 * a credit code, accepted only when the reading passes its check; other numbers and digit parts of words
 * accepted when read at least as confidently and with as many characters (digit parts of Chinese words,
 * whose boxes are only estimated, by {@code chi_sim} restricted to digits and 年月日号).
 */
final class DigitReread {

    static final String ID_CHARS = "0123456789X";
    static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String NUMBER_CHARS = "0123456789.-/:%";
    static final String PART_CHARS = NUMBER_CHARS + "年月日号";

    private final OcrEngine ids;
    private final OcrEngine credits;
    private final OcrEngine numbers;
    private final OcrEngine parts;

    DigitReread(OcrEngine ids, OcrEngine credits, OcrEngine numbers, OcrEngine parts) {
        this.ids = ids;
        this.credits = credits;
        this.numbers = numbers;
        this.parts = parts;
    }

    /** Tesseract's {@code eng} model with a whitelist per kind, or none when {@code eng} is not installed. */
    static DigitReread tesseract(String datapath) {
        if (!Files.exists(Path.of(datapath, "eng.traineddata"))) {
            return null;
        }
        return new DigitReread(
                line(datapath, "eng", ID_CHARS),
                line(datapath, "eng", CREDIT_CHARS),
                line(datapath, "eng", NUMBER_CHARS),
                line(datapath, "chi_sim", PART_CHARS));
    }

    private static OcrEngine line(String datapath, String model, String chars) {
        return new TesseractEngine(
                datapath, model, OcrEngine.Segmentation.LINE, Map.of("tessedit_char_whitelist", chars));
    }

    /** The reading with the digit runs read again where the second reading is better. */
    OcrEngine.Result apply(BufferedImage image, OcrEngine.Result read) {
        var runs = DigitRuns.find(read.words());
        if (runs.isEmpty()) {
            return read;
        }
        var idRuns = new ArrayList<DigitRuns.Run>();
        var numberRuns = new ArrayList<DigitRuns.Run>();
        var partRuns = new ArrayList<DigitRuns.Run>();
        for (var r : runs) {
            boolean long18 = !r.part() && r.read().length() >= 16 && r.read().length() <= 22;
            if (long18 && !valid(r.read())) {
                idRuns.add(r);
            } else if (r.confidence() >= SURE) {
                continue;
            } else if (r.part()) {
                partRuns.add(r);
            } else if (!long18) {
                numberRuns.add(r);
            }
        }
        var better = new HashMap<DigitRuns.Run, String>();
        var idReads = regions(ids, image, idRuns);
        var failed = new ArrayList<DigitRuns.Run>();
        for (int i = 0; i < idRuns.size(); i++) {
            String t = agreed(idRuns.get(i).read(), compact(idReads.get(i).text()), DigitReread::idNumber);
            if (t != null) {
                better.put(idRuns.get(i), t);
            } else {
                failed.add(idRuns.get(i));
            }
        }
        var creditReads = regions(credits, image, failed);
        for (int i = 0; i < failed.size(); i++) {
            String t = agreed(failed.get(i).read(), compact(creditReads.get(i).text()), CreditCode::isValid);
            if (t != null) {
                better.put(failed.get(i), t);
            }
        }
        numbers(regions(numbers, image, numberRuns), numberRuns, better);
        numbers(regions(parts, image, partRuns), partRuns, better);
        return better.isEmpty() ? read : DigitEdits.apply(read, runs, better);
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]");

    /** Numbers read at least this confidently by {@code chi_sim} are not read again (time). */
    static final float SURE = 90;

    /** At most this many characters where the two readings differ are tried both ways. */
    static final int MAX_DISAGREEMENTS = 4;

    static boolean idNumber(String s) {
        return s.matches("\\d{17}[\\dX]") && CitizenIdNumber.isValid(s);
    }

    /**
     * The second reading if it passes the check; else, when both readings are as long and differ in at most
     * {@link #MAX_DISAGREEMENTS} places, the one combination of their characters there that passes it (none
     * when several do).
     */
    static String agreed(String first, String second, java.util.function.Predicate<String> check) {
        if (check.test(second)) {
            return second;
        }
        String a = FieldValues.repairDigits(first.toUpperCase(Locale.ROOT));
        if (a.length() != second.length()) {
            return null;
        }
        var diff = new ArrayList<Integer>();
        for (int k = 0; k < a.length(); k++) {
            if (a.charAt(k) != second.charAt(k)) {
                diff.add(k);
            }
        }
        if (diff.isEmpty() || diff.size() > MAX_DISAGREEMENTS) {
            return null;
        }
        String found = null;
        for (int mask = 0; mask < 1 << diff.size(); mask++) {
            var c = new StringBuilder(second);
            for (int b = 0; b < diff.size(); b++) {
                if ((mask & 1 << b) != 0) {
                    c.setCharAt(diff.get(b), a.charAt(diff.get(b)));
                }
            }
            if (check.test(c.toString())) {
                if (found != null && !found.contentEquals(c)) {
                    return null;
                }
                found = c.toString();
            }
        }
        return found;
    }

    /**
     * Numbers: accepted when the second reading is at least as confident, keeps the characters other than
     * digits (年, 月, 日, 号) and has as many characters (a box padded into a neighbouring character
     * adds a digit that is not there).
     */
    private static void numbers(
            List<OcrEngine.Result> reads, List<DigitRuns.Run> runs, Map<DigitRuns.Run, String> better) {
        for (int i = 0; i < runs.size(); i++) {
            var r = runs.get(i);
            var n = reads.get(i);
            String t = compact(n.text());
            boolean shape = DIGITS.matcher(t).find()
                    && t.length() == r.read().length()
                    && t.replaceAll("[0-9]", "").equals(r.read().replaceAll("[0-9]", ""));
            if (shape && !t.equals(r.read()) && n.meanConfidence() >= r.confidence()) {
                better.put(r, t);
            }
        }
    }

    private static boolean valid(String read) {
        String u = read.toUpperCase(Locale.ROOT);
        return FieldValues.idNumber(u).isPresent() || CreditCode.isValid(u);
    }

    private static String compact(String s) {
        return s.replaceAll("\\s", "");
    }

    /** Each run's box, padded by a third of its height, read as a single line. */
    private static List<OcrEngine.Result> regions(OcrEngine engine, BufferedImage image, List<DigitRuns.Run> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        var page = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        var boxes = new ArrayList<Rectangle>();
        for (var r : runs) {
            var b = r.box();
            int pad = r.part() ? 0 : Math.max(2, b.height / 3);
            var padded = new Rectangle(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad).intersection(page);
            boxes.add(padded.isEmpty() ? new Rectangle(0, 0, 1, 1) : padded);
        }
        return engine.recogniseRegions(image, boxes, OcrEngine.Segmentation.LINE);
    }
}
