package org.siarchive.support.labels;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.siarchive.support.ConsoleSession;

/**
 * Walks the console as a person would: from the home page, every same-origin link and GET form of the
 * pages reached, breadth first. Bounded: each page once, at most {@link #PER_SHAPE} pages of one shape
 * (the same path with other ids or query values), {@code maxPages} in all and {@code maxDepth} clicks deep.
 * Never follows logout, language switches or the API; downloads (exports, files, prints) are collected,
 * not opened, for the caller to read as documents.
 */
public final class ConsoleCrawler {

    /** A page reached: its path, status and HTML. */
    public record Visit(String path, int status, String html) {}

    /** The pages reached and the downloads offered on them. */
    public record Result(List<Visit> pages, Set<String> downloads) {}

    static final int PER_SHAPE = 2;

    private static final Pattern NEVER =
            Pattern.compile("^/(logout|api/|css/|webjars/|js/|favicon|login/totp|h2|actuator).*|.*[?&]lang=.*");
    private static final Pattern DOWNLOAD = Pattern.compile(
            ".*(/export|/file|/files/|/content|/download|/print|/pages/|/thumb|/image|/access\\.pdf|/raw"
                    + "|\\.pdf|\\.ofd|\\.xlsx|\\.csv|\\.zip|\\.jpg|\\.png).*|.*[?&]format=.*");
    private static final Pattern ID = Pattern.compile(
            "/(\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9A-Z]{12,})(?=/|$)");

    private final ConsoleSession session;
    private final int maxPages;
    private final int maxDepth;

    public ConsoleCrawler(ConsoleSession session, int maxPages, int maxDepth) {
        this.session = session;
        this.maxPages = maxPages;
        this.maxDepth = maxDepth;
    }

    /** Crawls from the given start pages. */
    public Result crawl(List<String> start) {
        record Next(String path, int depth) {}
        var queue = new ArrayDeque<Next>();
        var seen = new LinkedHashSet<String>();
        var shapes = new HashMap<String, Integer>();
        var pages = new ArrayList<Visit>();
        var downloads = new LinkedHashSet<String>();
        start.forEach(s -> queue.add(new Next(s, 0)));
        while (!queue.isEmpty() && pages.size() < maxPages) {
            var next = queue.poll();
            String path = next.path();
            if (!seen.add(path) || NEVER.matcher(path).matches()) {
                continue;
            }
            if (DOWNLOAD.matcher(path).matches()) {
                downloads.add(path);
                continue;
            }
            if (shapes.merge(shape(path), 1, Integer::sum) > PER_SHAPE) {
                continue;
            }
            var page = session.get(path);
            if (page.status() >= 300 && page.status() < 400 && page.location() != null) {
                String to = local(path, page.location().replaceFirst("^https?://[^/]+", ""));
                if (to != null) {
                    queue.addFirst(new Next(to, next.depth()));
                }
                continue;
            }
            if (!page.body().contains("<html")) {
                continue;
            }
            pages.add(new Visit(path, page.status(), page.body()));
            if (next.depth() < maxDepth) {
                for (String link : links(path, page.body())) {
                    queue.add(new Next(link, next.depth() + 1));
                }
            }
        }
        return new Result(List.copyOf(pages), downloads);
    }

    /** The same path with other ids and query values. */
    static String shape(String path) {
        int q = path.indexOf('?');
        String p = ID.matcher(q < 0 ? path : path.substring(0, q)).replaceAll("/#");
        if (q < 0) {
            return p;
        }
        var names = new java.util.TreeSet<String>();
        for (String kv : path.substring(q + 1).split("&")) {
            names.add(kv.split("=", 2)[0]);
        }
        return p + "?" + String.join("&", names);
    }

    /** Same-origin links and GET forms (submitted with the values they show) of a page. */
    public static List<String> links(String from, String html) {
        Document doc = Jsoup.parse(html);
        var out = new ArrayList<String>();
        for (Element a : doc.select("a[href]")) {
            String to = local(from, a.attr("href"));
            if (to != null) {
                out.add(to);
            }
        }
        for (Element form : doc.select("form")) {
            if (!form.attr("method").isBlank() && !form.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            String action = local(from, form.attr("action").isBlank() ? from : form.attr("action"));
            if (action != null) {
                String query = query(form);
                out.add(action.replaceFirst("\\?.*$", "") + (query.isEmpty() ? "" : "?" + query));
            }
        }
        return out;
    }

    private static String query(Element form) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Element in : form.select("input[name], select[name]")) {
            String type = in.attr("type").toLowerCase();
            if (type.equals("file") || type.equals("submit") || type.equals("button")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !in.hasAttr("checked")) {
                continue;
            }
            String v = in.tagName().equals("select") ? selected(in) : in.attr("value");
            values.putIfAbsent(in.attr("name"), v);
        }
        var parts = new ArrayList<String>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                parts.add(enc(k) + "=" + enc(v));
            }
        });
        return String.join("&", parts);
    }

    private static String selected(Element select) {
        var chosen = select.selectFirst("option[selected]");
        var first = chosen != null ? chosen : select.selectFirst("option");
        return first == null ? "" : first.hasAttr("value") ? first.attr("value") : first.text();
    }

    /** A link's path and query when it stays on this console, else null. */
    static String local(String from, String href) {
        if (href.isBlank() || href.startsWith("#") || href.startsWith("javascript:") || href.startsWith("mailto:")) {
            return null;
        }
        try {
            URI u = URI.create("http://console" + from).resolve(href.strip());
            if (!"console".equals(u.getHost())) {
                return null;
            }
            String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return p + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
