package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Classification;

/** The form templates (docs/adr/0059) name real materials of the classification, and recognise forms by title. */
class FormTemplatesTest {

    private static final Pattern MATERIAL = Pattern.compile("\\('([A-Z]{2}\\d{2})', '([^']+)', '\\d{2}-\\d{2}'\\)");

    /** Material code → name as the catalog's migrations seed them. */
    static Map<String, String> seededMaterials() throws IOException {
        var out = new HashMap<String, String>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/catalog"))) {
            for (Path f : files.toList()) {
                var m = MATERIAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    out.put(m.group(1), m.group(2));
                }
            }
        }
        return out;
    }

    @Test
    void everyTemplateNamesAMaterialOfTheClassification() throws IOException {
        var seeded = seededMaterials();
        assertThat(seeded).hasSizeGreaterThan(40);
        assertThat(FormTemplates.standard().all()).isNotEmpty().allSatisfy(t -> {
            assertThat(seeded).as("material %s", t.code()).containsEntry(t.code(), t.name());
            assertThat(t.fields()).isNotEmpty();
            assertThat(t.titles()).isNotEmpty();
        });
    }

    @Test
    void everyMaterialGetsATemplateAndTheCatalogNameIsTheOneFiled() {
        var t = FormTemplates.standard()
                .withMaterials(List.of(
                        new Classification.StepMaterial("RY01", "参保人员增员表（新）", true),
                        new Classification.StepMaterial("XX01", "某某登记表", true)));
        var ry01 = t.byCode("RY01").orElseThrow();
        assertThat(ry01.name()).isEqualTo("参保人员增员表（新）");
        assertThat(ry01.titles()).contains("参保人员增员表（新）", "参保人员增员表", "社会保险参保人员增员表");
        var generic = t.byCode("XX01").orElseThrow();
        assertThat(generic.fields()).containsExactlyInAnyOrder(FieldKind.values());
        assertThat(generic.labels(FieldKind.ID_NUMBER)).contains("公民身份号码", "身份证号码", "证件号码");
    }

    @Test
    void aVariantOrMisreadTitleIsRecognisedAsItsMaterial() {
        var templates = FormTemplates.standard();
        assertThat(recognised(templates, "社会保险参保人员减员表")).isEqualTo("参保人员减员表");
        assertThat(recognised(templates, "社会保险参保人贝增员表"))
                .as("one misread character")
                .isEqualTo("参保人员增员表");
        assertThat(recognised(templates, "失业人员登记表")).isEqualTo("失业登记表");
        assertThat(recognised(templates, "今天天气很好")).isNull();
    }

    private static String recognised(FormTemplates templates, String title) {
        var lines = WordLines.of(List.of(new OcrEngine.Word(title, 90, 100, 40, 60 * title.length(), 60)));
        return FormTitleReader.recognise(lines, templates)
                .map(m -> m.template().name())
                .orElse(null);
    }
}
