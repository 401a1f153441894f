package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second reading of digit runs (ADR 0058): which runs, when a reading is taken, how text and words change. */
class DigitRereadTest {

    static OcrEngine.Word w(String t, int x, int y, int width) {
        return new OcrEngine.Word(t, 80, x, y, width, 30);
    }

    @Test
    void neighbouringNumberWordsFormOneRunAndDigitPartsOfChineseWordsTheirOwn() {
        var words = List.of(
                w("公民身份号码", 0, 100, 180),
                w("1101051995", 200, 100, 150),
                w("06224487", 360, 100, 120),
                w("2019年01月", 0, 200, 150),
                w("99.5", 900, 100, 60));
        var runs = DigitRuns.find(words);
        assertThat(runs).extracting(DigitRuns.Run::read).containsExactly("110105199506224487", "2019年01月", "99.5");
        assertThat(runs.get(0).indices()).containsExactly(1, 2);
        assertThat(runs.get(1).part()).isTrue();
    }

    /** An engine that answers each region with the next of the given readings, and records the regions. */
    static final class Scripted implements OcrEngine {
        final List<String> answers;
        final List<Rectangle> asked = new ArrayList<>();

        Scripted(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public List<Result> recogniseRegions(BufferedImage page, List<Rectangle> regions, Segmentation s) {
            asked.addAll(regions);
            return regions.stream()
                    .map(r -> new Result(answers.isEmpty() ? "" : answers.remove(0), 90, List.of()))
                    .toList();
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Result recognise(BufferedImage page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] searchablePdf(List<BufferedImage> pages, int dpi) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void anIdNumberIsReplacedOnlyByAReadingThatPassesItsCheck() {
        var page = new BufferedImage(1000, 400, BufferedImage.TYPE_BYTE_GRAY);
        var words = List.of(w("号码", 0, 100, 60), w("116105199506224487", 100, 100, 300));
        var read = new OcrEngine.Result("号码 116105199506224487\n", 80, words);
        var good = new DigitReread(new Scripted("110105199506224487"), new Scripted(), new Scripted(), new Scripted());
        var fixed = good.apply(page, read);
        assertThat(fixed.text()).isEqualTo("号码 110105199506224487\n");
        assertThat(fixed.words().get(1).text()).isEqualTo("110105199506224487");
        var wrong = new DigitReread(new Scripted("118105199506224488"), new Scripted(), new Scripted(), new Scripted());
        assertThat(wrong.apply(page, read).text()).isEqualTo(read.text());
    }

    @Test
    void aNumberIsReplacedWhenAsLongAndAsConfidentAndADigitPartInsideItsWord() {
        var page = new BufferedImage(1000, 400, BufferedImage.TYPE_BYTE_GRAY);
        var words = List.of(w("27569.35", 0, 100, 120), w("2619年61月", 0, 200, 150), w("2911", 0, 300, 60));
        var read = new OcrEngine.Result("27569.35\n2619年61月\n2911\n", 80, words);
        var numbers = new Scripted("27509.35", "29115");
        var parts = new Scripted("2019年01月");
        var fixed = new DigitReread(new Scripted(), new Scripted(), numbers, parts).apply(page, read);
        assertThat(fixed.text()).isEqualTo("27509.35\n2019年01月\n2911\n");
        assertThat(numbers.asked.get(0).height).isGreaterThan(30);
    }

    @Test
    void whereTheTwoReadingsDisagreeTheOneCombinationThatPassesTheCheckIsTaken() {
        // chi_sim read the third 0 as 6, the Latin model the ninth 0 as 8: neither passes, one mix does
        assertThat(DigitReread.agreed("110605199506224487", "110105199586224487", DigitReread::idNumber))
                .isEqualTo("110105199506224487");
        assertThat(DigitReread.agreed("1106", "110605199586224487", DigitReread::idNumber))
                .isNull();
        assertThat(DigitReread.agreed("116665199586224488", "110105199506224487", DigitReread::idNumber))
                .isEqualTo("110105199506224487");
    }
}
