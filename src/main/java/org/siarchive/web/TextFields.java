package org.siarchive.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link InputDoor}'s rules for every string of every JSON request body: a refusal names the field by its
 * JSON path ({@code person.name}, {@code items[0]}). Only the HTTP reader uses it (see
 * {@link WebConfiguration}): what the platform reads back from its own store (sidecars, events) is not input.
 * While {@link TextFieldsAdvice} reads a request body, refusals are collected so that one answer names
 * every field that broke a rule; elsewhere the first refusal is thrown.
 */
class TextFields extends SimpleModule {

    private static final ThreadLocal<@Nullable List<Violation>> COLLECTED = new ThreadLocal<>();

    static void startCollecting() {
        COLLECTED.set(new ArrayList<>());
    }

    /** The refusals collected since {@link #startCollecting}, and collection ends. */
    static List<Violation> stopCollecting() {
        var found = COLLECTED.get();
        COLLECTED.remove();
        return found == null ? List.of() : found;
    }

    TextFields() {
        super("siarchive-text-fields");
        addDeserializer(String.class, new CheckedString());
    }

    /** Reads a string as Jackson does, then holds it to {@link Bounds#text}. */
    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            // the field's JSON path is built only for a refusal: most strings pass
            var refused = Bounds.text("body", value, Bounds.MAX_TEXT).isEmpty()
                    ? java.util.Optional.<Violation>empty()
                    : Bounds.text(field(p), value, Bounds.MAX_TEXT);
            if (refused.isPresent()) {
                var collected = COLLECTED.get();
                if (collected == null) {
                    throw new InvalidInputException(refused.get());
                }
                collected.add(refused.get());
            }
            return value;
        }

        /** "/person/name" → "person.name", "/files/0/material" → "files[0].material". */
        static String field(JsonParser p) {
            var out = new StringBuilder();
            for (String step : p.streamReadContext().pathAsPointer().toString().split("/")) {
                if (step.isEmpty()) {
                    continue;
                }
                if (step.chars().allMatch(Character::isDigit)) {
                    out.append('[').append(step).append(']');
                } else {
                    out.append(out.isEmpty() ? "" : ".").append(step);
                }
            }
            return out.isEmpty() ? "body" : out.toString();
        }
    }
}
