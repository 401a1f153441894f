package org.siarchive.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a client can call, as the running application describes it: the operations of its OpenAPI
 * document ({@code /v3/api-docs}) and the forms and links of the console pages a role can reach.
 */
final class Surface {

    /** One parameter of an operation or field of a form: where it goes and its declared type. */
    record Field(String name, String in, String type) {}

    /**
     * One thing to call: {@code path} may hold {@code {name}} templates (API) or be concrete (console);
     * {@code body} is "json" (with its schema), "multipart", "form" or "none".
     */
    record Target(String method, String path, List<Field> fields, String body, JsonNode schema, boolean api) {

        String key() {
            return method + " " + path;
        }
    }

    private static final Pattern FORM =
            Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD =
            Pattern.compile("<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

    private Surface() {}

    // ---------------------------------------------------------------- OpenAPI

    /** Every operation of the OpenAPI document. */
    static List<Target> operations(JsonNode doc) {
        var out = new ArrayList<Target>();
        for (var path : doc.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                var fields = new ArrayList<Field>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode resolved = resolve(doc, p);
                    fields.add(new Field(
                            resolved.path("name").asString(),
                            resolved.path("in").asString(),
                            resolve(doc, resolved.path("schema")).path("type").asString("string")));
                }
                var content = op.getValue().path("requestBody").path("content");
                String body = content.has("multipart/form-data")
                        ? "multipart"
                        : content.has("application/json") ? "json" : "none";
                JsonNode schema = body.equals("json")
                        ? content.path("application/json").path("schema")
                        : content.path("multipart/form-data").path("schema");
                out.add(new Target(method, path.getKey(), fields, body, schema, true));
            }
        }
        return out;
    }

    static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.startsWith("#/")) {
            JsonNode target = doc;
            for (String step : ref.substring(2).split("/")) {
                target = target.path(step);
            }
            return target;
        }
        return node;
    }

    // ---------------------------------------------------------------- console pages

    /** The forms of one page; an empty action posts to the page itself. */
    static List<Target> forms(String page, String html) {
        var out = new ArrayList<Target>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            String attrs = m.group(1);
            String action = unescape(attr(attrs, "action"));
            if (action.isEmpty()) {
                action = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
            }
            if (!action.startsWith("/")) {
                continue;
            }
            String method = attr(attrs, "method").isEmpty()
                    ? "GET"
                    : attr(attrs, "method").toUpperCase(java.util.Locale.ROOT);
            boolean multipart =
                    attr(attrs, "enctype").toLowerCase(java.util.Locale.ROOT).contains("multipart");
            var fields = new LinkedHashMap<String, Field>();
            Matcher f = FIELD.matcher(m.group(2));
            while (f.find()) {
                String name = attr(f.group(2), "name");
                String type = f.group(1).equalsIgnoreCase("input") ? attr(f.group(2), "type") : f.group(1);
                if (name.isEmpty() || name.equals("_csrf") || type.equals("submit") || type.equals("button")) {
                    continue;
                }
                fields.putIfAbsent(name, new Field(name, type.equals("file") ? "file" : "form", type));
            }
            if (action.contains("?")) {
                action = action.substring(0, action.indexOf('?'));
            }
            // the object a form acts on is named by a hostile id too: a fuzzer never acts on real records
            var paths = new ArrayList<Field>();
            action = templated(action, paths);
            paths.forEach(p -> fields.put(p.name(), p));
            out.add(new Target(
                    method,
                    action,
                    List.copyOf(fields.values()),
                    method.equals("GET") ? "none" : multipart ? "multipart" : "form",
                    tools.jackson.databind.node.MissingNode.getInstance(),
                    false));
        }
        return out;
    }

    /** The same-site links of a page (paths with their query strings). */
    static List<String> links(String html) {
        var out = new LinkedHashSet<String>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return List.copyOf(out);
    }

    /**
     * A link as a target: its query parameters become fields; a path segment that looks like an id
     * (digits or a UUID) becomes a path field.
     */
    static Target link(String link) {
        String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
        var fields = new ArrayList<Field>();
        if (link.contains("?")) {
            for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!name.isEmpty() && fields.stream().noneMatch(x -> x.name().equals(name))) {
                    fields.add(new Field(
                            java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8),
                            "query",
                            "string"));
                }
            }
        }
        return new Target(
                "GET",
                templated(path, fields),
                fields,
                "none",
                tools.jackson.databind.node.MissingNode.getInstance(),
                false);
    }

    /** The path with each id-like segment (digits, a UUID) replaced by a path field. */
    private static String templated(String path, List<Field> fields) {
        var segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].matches("\\d+|[0-9a-f]{8}-[0-9a-f-]{27}")) {
                segments[i] = "{id" + i + "}";
                fields.add(new Field("id" + i, "path", "string"));
            }
        }
        return String.join("/", segments);
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
                .matcher(attrs);
        return m.find() ? m.group(1) : "";
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** Targets without duplicates (the same method and path template seen on several pages). */
    static List<Target> distinct(List<Target> targets) {
        var seen = new LinkedHashMap<String, Target>();
        targets.forEach(t -> seen.putIfAbsent(t.key(), t));
        return List.copyOf(seen.values());
    }
}
