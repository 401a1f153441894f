package org.siarchive.digitisation;

import java.util.Locale;

/** A field read from a scanned form by its label (docs/adr/0059); the key is its name in form-templates.yml. */
enum FieldKind {
    NAME("name"),
    ID_NUMBER("idNumber"),
    CREDIT_CODE("creditCode"),
    EMPLOYER("employer"),
    DATE("date"),
    HANDLER("handler"),
    AGENCY("agency");

    final String key;

    FieldKind(String key) {
        this.key = key;
    }

    static FieldKind of(String key) {
        for (var k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown field in form-templates.yml: " + key.toLowerCase(Locale.ROOT));
    }
}
