package org.siarchive.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not do: send a forged {@code Host} header,
 * or connect from another loopback address (127.0.0.x) so per-address limits see a client of their own.
 */
public final class RawHttp {

    /** Status line code, header lines and body of one response. */
    public record Reply(int status, List<String> headers, String body) {
        public String header(String name) {
            return headers.stream()
                    .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip())
                    .findFirst()
                    .orElse(null);
        }

        public List<String> all(String name) {
            return headers.stream()
                    .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip())
                    .toList();
        }
    }

    private final int port;
    private final String from;

    /** A client connecting from {@code from} (any 127.0.0.x works on Linux loopback). */
    public RawHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    public RawHttp(int port) {
        this(port, "127.0.0.1");
    }

    public Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    private static Reply parse(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Reply(status, headers, body);
    }
}
