package org.siarchive.notification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external channel written to a file, one JSON line per message in the recipient's language (an installation
 * without an SMS gateway or mail relay, and the tests): the file is readable by the platform's owner only, each
 * line forced to disk before the message counts as sent.
 */
abstract class FileNotifier implements Notifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final NoticeText text;

    FileNotifier(Path file, NoticeText text) {
        this.file = file.toAbsolutePath().normalize();
        this.text = text;
    }

    /** The line's fields for this channel. */
    abstract java.util.Map<String, String> line(Recipient to, Message m, NoticeText text);

    @Override
    public synchronized void deliver(Recipient to, Message m) throws IOException {
        Objects.requireNonNull(to.address(channel()), "no address for " + channel());
        Path dir = Objects.requireNonNull(file.getParent());
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        byte[] bytes = (JSON.writeValueAsString(line(to, m, text)) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var ch = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    Path file() {
        return file;
    }
}
