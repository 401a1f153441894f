package org.siarchive.support.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The OCR evaluation corpus (issue 15): generated A4 社保 forms in nine layouts, drawn here and nowhere
 * else (not by {@code support.ScanPages}, not by the demo renderer), each page with its ground truth. Every
 * layout comes clean (300 dpi, no skew, no noise) and poor (200 or 300 dpi, skew up to ±5°, speckle,
 * blur, low contrast in seeded combinations), stored as colour, grey or bilevel. Pages with a seal are
 * always colour, as DA/T 31 requires; the fax is grey or bilevel. The same seed gives the same pixels.
 *
 * <p>One page per layout and condition by default; {@code -Docr.corpus.pages=N} for N.
 */
public final class OcrCorpus {

    /** A layout: its name, orientation and drawing. */
    private record Layout(String name, boolean landscape, BiFunction<Sheet, Content, Printed> draw) {}

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("ruled-table", false, FormLayouts::ruledTable),
            new Layout("key-value", false, FormLayouts::keyValue),
            new Layout("two-column", false, TextLayouts::twoColumn),
            new Layout("seal-over-text", false, TextLayouts::sealOverText),
            new Layout("signature-box", false, FormLayouts::signatureBox),
            new Layout("landscape", true, FormLayouts::landscape),
            new Layout("small-print", false, TextLayouts::smallPrint),
            new Layout("fax-carbon", false, TextLayouts::faxCarbon),
            new Layout("dot-matrix", false, DotMatrix::form));

    private static final String[] COLOURS = {"COLOUR", "GREY", "BITONAL"};

    private OcrCorpus() {}

    public static List<String> layouts() {
        return LAYOUTS.stream().map(Layout::name).toList();
    }

    /** Pages per layout and condition: {@code -Docr.corpus.pages}, default 1. */
    public static int pagesPerCondition() {
        return Math.max(1, Integer.getInteger("ocr.corpus.pages", 1));
    }

    /** The CI corpus: every layout × {clean, poor}. */
    public static List<CorpusPage> pages(long seed) {
        var out = new ArrayList<CorpusPage>();
        for (String layout : layouts()) {
            out.addAll(pages(layout, seed));
        }
        return out;
    }

    /** One layout's pages: clean ones first, then poor ones. */
    public static List<CorpusPage> pages(String layout, long seed) {
        int index = layouts().indexOf(layout);
        if (index < 0) {
            throw new IllegalArgumentException("no layout " + layout + "; layouts: " + layouts());
        }
        var out = new ArrayList<CorpusPage>();
        for (boolean poor : new boolean[] {false, true}) {
            for (int k = 0; k < pagesPerCondition(); k++) {
                long pageSeed = seed * 1000 + index * 100 + (poor ? 50 : 0) + k;
                out.add(page(LAYOUTS.get(index), poor, pageSeed));
            }
        }
        return out;
    }

    /** How a page is scanned and degraded: drawn first from the page's random source. */
    private record Condition(int dpi, String colour, double skew, boolean speckle, boolean blur, boolean faded) {}

    private static Random random(long pageSeed) {
        return new Random(pageSeed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    private static Condition condition(String layout, boolean poor, Random random) {
        boolean seal = layout.equals("seal-over-text");
        boolean fax = layout.equals("fax-carbon");
        int dpi = poor && random.nextInt(5) < 3 ? 200 : 300;
        String colour = seal ? "COLOUR" : fax ? COLOURS[1 + random.nextInt(2)] : COLOURS[random.nextInt(3)];
        double skew =
                poor ? Math.round((1 + random.nextDouble() * 4) * (random.nextBoolean() ? 1 : -1) * 10) / 10.0 : 0;
        boolean speckle = poor && random.nextInt(10) < 6;
        boolean blur = poor && random.nextBoolean();
        boolean faded = poor && (random.nextBoolean() || !(speckle || blur));
        return new Condition(dpi, colour, skew, speckle, blur, faded);
    }

    /** The page's degradations besides dpi, skew and colour: "speckle", "blur", "faded" (the fax look is the layout's). */
    public static List<String> degradations(CorpusPage page) {
        long pageSeed = Long.parseLong(page.id().substring(page.id().lastIndexOf("-s") + 2));
        var c = condition(page.layout(), page.poor(), random(pageSeed));
        var out = new ArrayList<String>();
        if (c.speckle()) {
            out.add("speckle");
        }
        if (c.blur()) {
            out.add("blur");
        }
        if (c.faded()) {
            out.add("faded");
        }
        return out;
    }

    private static CorpusPage page(Layout layout, boolean poor, long pageSeed) {
        var random = random(pageSeed);
        var cond = condition(layout.name(), poor, random);
        boolean fax = layout.name().equals("fax-carbon");
        int dpi = cond.dpi();
        String colour = cond.colour();
        double skew = cond.skew();
        boolean speckle = cond.speckle();
        boolean blur = cond.blur();
        boolean faded = cond.faded();
        var sheet = new Sheet(dpi, layout.landscape(), random);
        Printed printed = layout.draw().apply(sheet, new Content(random));
        sheet.dispose();
        BufferedImage img = sheet.image;
        if (faded) {
            Degrade.contrast(img, 50 + random.nextInt(40), 190 + random.nextInt(35));
        }
        if (fax) {
            Degrade.streaks(img, 6 + random.nextInt(8), random);
        }
        img = Degrade.rotate(img, skew);
        if (fax) {
            Degrade.blur(img, 1);
            Degrade.speckle(img, 150, random);
        }
        if (blur) {
            Degrade.blur(img, dpi >= 300 ? 2 : 1);
        }
        if (speckle) {
            Degrade.speckle(img, 300 + random.nextInt(1200), random);
        }
        String id = "%s/%s-%d-%s-s%d"
                .formatted(
                        layout.name(),
                        poor ? "poor" : "clean",
                        dpi,
                        colour.toLowerCase(java.util.Locale.ROOT),
                        pageSeed);
        return new CorpusPage(
                id, layout.name(), poor, dpi, colour, skew, Degrade.store(img, colour), sheet.segments(), printed);
    }

    /** Writes each page as {@code <id>.png} (with its dpi), {@code <id>.gt.txt} and {@code <id>.json} under {@code dir}. */
    public static void write(List<CorpusPage> pages, Path dir) {
        try {
            for (var p : pages) {
                Path png = dir.resolve(p.id() + ".png");
                Files.createDirectories(png.getParent());
                Files.write(png, CorpusFiles.png(p.image(), p.dpi()));
                Files.writeString(dir.resolve(p.id() + ".gt.txt"), p.groundTruth() + "\n", StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(p.id() + ".json"), CorpusFiles.json(p), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
