package org.siarchive.digitisation;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.ImageIOHelper;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tesseract 5 (Debian's libtesseract through tess4j) with {@code chi_sim+eng}. One engine instance per
 * thread (the native API is not thread-safe); OpenMP inside Tesseract is limited to one thread, because
 * the pool already runs one page per core and nested threads make it several times slower.
 */
public class TesseractEngine implements OcrEngine {

    private static final Logger log = LoggerFactory.getLogger(TesseractEngine.class);

    /** libc's setenv, to limit OpenMP before libtesseract is first loaded. */
    interface C extends Library {
        int setenv(String name, String value, int overwrite);
    }

    static {
        try {
            Native.load("c", C.class).setenv("OMP_THREAD_LIMIT", "1", 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            log.warn("could not set OMP_THREAD_LIMIT=1 ({}); set it in the environment", e.toString());
        }
    }

    /** Interface mapping: functions resolve on first call, so ones missing from Debian's 5.3 are harmless. */
    private static TessAPI api() {
        return TessAPI.INSTANCE;
    }

    private final String datapath;
    private final String languages;
    private final Segmentation segmentation;
    private final java.util.Map<String, String> variables;
    private final ThreadLocal<ITessAPI.TessBaseAPI> engines;

    public TesseractEngine(String datapath, String languages, int pageSegMode) {
        this(datapath, languages, Segmentation.parse(Integer.toString(pageSegMode)));
    }

    public TesseractEngine(String datapath, String languages, Segmentation segmentation) {
        this(datapath, languages, segmentation, java.util.Map.of());
    }

    /** An engine with Tesseract variables set on each thread's handle (e.g. a character whitelist). */
    public TesseractEngine(
            String datapath, String languages, Segmentation segmentation, java.util.Map<String, String> variables) {
        this.datapath = datapath;
        this.languages = languages;
        this.segmentation = segmentation;
        this.variables = java.util.Map.copyOf(variables);
        this.engines = ThreadLocal.withInitial(this::create);
    }

    public String datapath() {
        return datapath;
    }

    /**
     * The native API is used directly (tess4j's convenience layer maps Leptonica functions that
     * Debian's Leptonica 1.82 does not have); images are handed over as raw pixels.
     */
    private ITessAPI.TessBaseAPI create() {
        var handle = api().TessBaseAPICreate();
        if (api().TessBaseAPIInit3(handle, datapath, languages) != 0) {
            api().TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not load " + languages + " from " + datapath);
        }
        api().TessBaseAPISetPageSegMode(handle, segmentation.psm);
        api().TessBaseAPISetVariable(handle, "preserve_interword_spaces", "1");
        variables.forEach((k, v) -> api().TessBaseAPISetVariable(handle, k, v));
        return handle;
    }

    @Override
    public String name() {
        return "tesseract " + languages;
    }

    @Override
    public boolean available() {
        for (String lang : languages.split("\\+")) {
            if (!Files.exists(Path.of(datapath, lang + ".traineddata"))) {
                return false;
            }
        }
        try {
            Native.load("tesseract", Library.class);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    @Override
    public Result recognise(BufferedImage page) {
        return recognise(page, segmentation);
    }

    @Override
    public Result recognise(BufferedImage page, Segmentation mode) {
        var handle = engines.get();
        setImage(handle, page);
        try {
            api().TessBaseAPISetPageSegMode(handle, mode.psm);
            return read(handle);
        } finally {
            api().TessBaseAPIClear(handle);
        }
    }

    /** The image is handed over once; each region is then recognised through Tesseract's rectangle. */
    @Override
    public List<Result> recogniseRegions(BufferedImage page, List<Rectangle> regions, Segmentation mode) {
        var handle = engines.get();
        setImage(handle, page);
        try {
            api().TessBaseAPISetPageSegMode(handle, mode.psm);
            var out = new ArrayList<Result>();
            for (var r : regions) {
                api().TessBaseAPISetRectangle(handle, r.x, r.y, r.width, r.height);
                out.add(read(handle));
            }
            return out;
        } finally {
            api().TessBaseAPIClear(handle);
        }
    }

    private static void setImage(ITessAPI.TessBaseAPI handle, BufferedImage page) {
        BufferedImage rgb = page;
        if (page.getType() != BufferedImage.TYPE_3BYTE_BGR && page.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            var g = rgb.createGraphics();
            g.drawImage(page, 0, 0, null);
            g.dispose();
        }
        int bytesPerPixel = rgb.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
        ByteBuffer buf = ImageIOHelper.convertImageData(rgb);
        api().TessBaseAPISetImage(
                        handle, buf, rgb.getWidth(), rgb.getHeight(), bytesPerPixel, rgb.getWidth() * bytesPerPixel);
        api().TessBaseAPISetSourceResolution(handle, 300);
    }

    private static Result read(ITessAPI.TessBaseAPI handle) {
        if (api().TessBaseAPIRecognize(handle, null) != 0) {
            throw new IllegalStateException("Tesseract could not recognise the page");
        }
        Pointer textPointer = api().TessBaseAPIGetUTF8Text(handle);
        String text = textPointer == null ? "" : textPointer.getString(0, "UTF-8");
        if (textPointer != null) {
            api().TessDeleteText(textPointer);
        }
        var words = new ArrayList<Word>();
        var ri = api().TessBaseAPIGetIterator(handle);
        if (ri != null) {
            var pi = api().TessResultIteratorGetPageIterator(ri);
            int level = ITessAPI.TessPageIteratorLevel.RIL_WORD;
            do {
                Pointer w = api().TessResultIteratorGetUTF8Text(ri, level);
                if (w == null) {
                    continue;
                }
                String word = w.getString(0, "UTF-8");
                api().TessDeleteText(w);
                float conf = api().TessResultIteratorConfidence(ri, level);
                IntBuffer l = IntBuffer.allocate(1);
                IntBuffer t = IntBuffer.allocate(1);
                IntBuffer r = IntBuffer.allocate(1);
                IntBuffer b = IntBuffer.allocate(1);
                api().TessPageIteratorBoundingBox(pi, level, l, t, r, b);
                words.add(new Word(word, conf, l.get(0), t.get(0), r.get(0) - l.get(0), b.get(0) - t.get(0)));
            } while (api().TessPageIteratorNext(pi, level) == ITessAPI.TRUE);
            api().TessResultIteratorDelete(ri);
        }
        float mean = api().TessBaseAPIMeanTextConf(handle);
        return new Result(text, mean, List.copyOf(words));
    }

    /**
     * Tesseract's own PDF renderer (the page image with invisible text in Tesseract's glyph-less font),
     * one page at a time from a temporary PNG, merged with PDFBox.
     */
    @Override
    public byte[] searchablePdf(List<BufferedImage> pages, int dpi) {
        var handle = engines.get();
        try {
            Path dir = Files.createTempDirectory("siarchive-pdf");
            try {
                var merger = new PDFMergerUtility();
                var out = new java.io.ByteArrayOutputStream();
                merger.setDestinationStream(out);
                for (int i = 0; i < pages.size(); i++) {
                    Path png = dir.resolve("p" + i + ".png");
                    javax.imageio.ImageIO.write(pages.get(i), "png", png.toFile());
                    String base = dir.resolve("p" + i).toString();
                    var renderer = api().TessPDFRendererCreate(base, datapath, 0);
                    try {
                        api().TessBaseAPISetPageSegMode(handle, segmentation.psm);
                        api().TessBaseAPISetVariable(handle, "user_defined_dpi", Integer.toString(dpi));
                        if (api().TessBaseAPIProcessPages(handle, png.toString(), null, 0, renderer) != ITessAPI.TRUE) {
                            throw new IllegalStateException("Tesseract could not render page " + (i + 1));
                        }
                    } finally {
                        api().TessDeleteResultRenderer(renderer);
                        api().TessBaseAPIClear(handle);
                    }
                    merger.addSource(new RandomAccessReadBuffer(Files.readAllBytes(Path.of(base + ".pdf"))));
                }
                merger.mergeDocuments(null);
                return out.toByteArray();
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
