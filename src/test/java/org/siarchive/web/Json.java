package org.siarchive.web;

import java.util.ArrayList;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** Hostile JSON bodies shaped like an operation's schema: each field a hostile value or a wrong type. */
final class Json {

    static JsonNode doc = tools.jackson.databind.node.MissingNode.getInstance();

    private Json() {}

    static String value(JsonNode schema, Random random, int depth) {
        JsonNode s = Surface.resolve(doc, schema);
        String type = s.path("type").asString("");
        if (depth > 4 || random.nextInt(6) == 0) {
            return Hostile.json(random);
        }
        if (type.equals("object") || s.has("properties")) {
            var fields = new ArrayList<String>();
            for (var p : s.path("properties").properties()) {
                fields.add(Hostile.quote(p.getKey()) + ":" + value(p.getValue(), random, depth + 1));
            }
            return "{" + String.join(",", fields) + "}";
        }
        if (type.equals("array")) {
            return random.nextBoolean() ? "[null,null]" : "[" + value(s.path("items"), random, depth + 1) + "]";
        }
        return Hostile.json(random);
    }

    /** Capture metadata: the documented fields, each hostile; sometimes files of nulls. */
    static String capture(Random random) {
        var fields = new ArrayList<String>();
        for (String name : new String[] {
            "fondsCode",
            "acceptanceNo",
            "businessStep",
            "insuranceType",
            "title",
            "responsible",
            "docDate",
            "handler",
            "handlingAgency",
            "handledAt",
            "retention",
            "level"
        }) {
            if (random.nextInt(4) != 0) {
                fields.add(Hostile.quote(name) + ":" + Hostile.json(random));
            }
        }
        fields.add("\"person\":{\"certType\":" + Hostile.json(random) + ",\"certNo\":" + Hostile.json(random)
                + ",\"name\":" + Hostile.json(random) + "}");
        fields.add("\"files\":"
                + (random.nextBoolean() ? "[null,null]" : "[{\"material\":" + Hostile.json(random) + "}]"));
        return random.nextInt(10) == 0 ? Hostile.text(random) : "{" + String.join(",", fields) + "}";
    }
}
