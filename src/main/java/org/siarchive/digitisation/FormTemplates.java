package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Classification;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The form templates of the classification's materials (docs/adr/0059), from
 * {@code digitisation/form-templates.yml}: generic labels per field, words that end a value, and per
 * material the printed title variants, fields and own labels. Materials of the classification without an
 * entry get a template from their name and the generic labels ({@link #withMaterials}).
 */
final class FormTemplates {

    static final String RESOURCE = "/digitisation/form-templates.yml";

    private static final FormTemplates STANDARD = load();

    private final Map<FieldKind, List<String>> genericLabels;
    private final List<String> stops;
    private final Map<String, FormTemplate> byCode;

    private FormTemplates(
            Map<FieldKind, List<String>> genericLabels, List<String> stops, Map<String, FormTemplate> byCode) {
        this.genericLabels = genericLabels;
        this.stops = stops;
        this.byCode = byCode;
    }

    /** The templates as configured, without the classification (tests, and before the catalog is read). */
    static FormTemplates standard() {
        return STANDARD;
    }

    /**
     * Every material of the classification: its name (the one filed) from the catalog, the configured title
     * variants (the configured name kept as one of them) and fields, or the generic template.
     */
    FormTemplates withMaterials(Collection<Classification.StepMaterial> materials) {
        var out = new LinkedHashMap<>(byCode);
        for (var m : materials) {
            var known = byCode.get(m.code());
            var titles = new LinkedHashSet<String>();
            titles.add(m.name());
            if (known != null) {
                titles.add(known.name());
                titles.addAll(known.titles());
            }
            var fields = known == null ? EnumSet.allOf(FieldKind.class) : known.fields();
            var labels = known == null ? genericLabels : known.labels();
            out.put(m.code(), new FormTemplate(m.code(), m.name(), List.copyOf(titles), fields, labels));
        }
        return new FormTemplates(genericLabels, stops, out);
    }

    Collection<FormTemplate> all() {
        return byCode.values();
    }

    Optional<FormTemplate> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The template for an unrecognised form: every field, generic labels. */
    FormTemplate generic() {
        return new FormTemplate(null, "", List.of(), EnumSet.allOf(FieldKind.class), genericLabels);
    }

    List<String> genericLabels(FieldKind kind) {
        return genericLabels.getOrDefault(kind, List.of());
    }

    /** Labels of other fields and words that end a value. */
    List<String> stops() {
        return stops;
    }

    /** Every label and stop word: none of them is a person's name. */
    List<String> allLabelWords() {
        var out = new ArrayList<String>(stops);
        genericLabels.values().forEach(out::addAll);
        byCode.values().forEach(t -> t.labels().values().forEach(out::addAll));
        return out;
    }

    private static FormTemplates load() {
        try (InputStream in = FormTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            var generic = labels(map(root.get("labels")), Map.of());
            var templates = new LinkedHashMap<String, FormTemplate>();
            map(root.get("materials")).forEach((code, v) -> templates.put(code, template(code, map(v), generic)));
            return new FormTemplates(generic, strings(root.get("stops")), templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormTemplate template(String code, Map<String, Object> m, Map<FieldKind, List<String>> generic) {
        var fields = EnumSet.noneOf(FieldKind.class);
        if (m.containsKey("fields")) {
            strings(m.get("fields")).forEach(f -> fields.add(FieldKind.of(f)));
        } else {
            fields.addAll(EnumSet.allOf(FieldKind.class));
        }
        String name = (String) m.get("name");
        var titles = new LinkedHashSet<String>();
        titles.add(name);
        titles.addAll(strings(m.get("titles")));
        return new FormTemplate(code, name, List.copyOf(titles), fields, labels(map(m.get("labels")), generic));
    }

    /** A material's own labels of a field come first; the generic ones stay as a fallback. */
    private static Map<FieldKind, List<String>> labels(Map<String, Object> m, Map<FieldKind, List<String>> generic) {
        var out = new EnumMap<FieldKind, List<String>>(FieldKind.class);
        out.putAll(generic);
        m.forEach((k, v) -> {
            var kind = FieldKind.of(k);
            var merged = new LinkedHashSet<>(strings(v));
            merged.addAll(generic.getOrDefault(kind, List.of()));
            out.put(kind, List.copyOf(merged));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static List<String> strings(@Nullable Object o) {
        return o == null
                ? List.of()
                : ((List<?>) o).stream().map(String::valueOf).toList();
    }
}
