package org.siarchive.digitisation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form of one material looks like (docs/adr/0059): the material's code and name (what gets filed as
 * the title), the titles printed on such forms, the fields it carries and the labels printed before them.
 * The generic template (code {@code null}) reads every field with the generic labels.
 */
record FormTemplate(
        @org.jspecify.annotations.Nullable String code,
        String name,
        List<String> titles,
        Set<FieldKind> fields,
        Map<FieldKind, List<String>> labels) {

    FormTemplate {
        titles = List.copyOf(titles);
        fields = Set.copyOf(fields);
        labels = Map.copyOf(labels);
    }

    /** The labels of a field on this form, most specific first. */
    List<String> labels(FieldKind kind) {
        return labels.getOrDefault(kind, List.of());
    }
}
