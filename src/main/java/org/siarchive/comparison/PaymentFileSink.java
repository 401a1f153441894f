package org.siarchive.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default sink: one JSON line per instruction appended to {@code payment-instructions/instructions.jsonl}
 * under the data directory, the directory and file readable by the platform's owner only (they hold ID
 * numbers in clear for the business system). Each line is written and forced to disk before it counts.
 */
@Component
@ConditionalOnProperty(name = "siarchive.comparison.payment.sink", havingValue = "file", matchIfMissing = true)
class PaymentFileSink implements PaymentInstructionSink {

    static final String FILE = "instructions.jsonl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    PaymentFileSink(@Value("${siarchive.data-dir:./data}") String dataDir) {
        this.dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("payment-instructions");
    }

    @Override
    public synchronized void deliver(Message message) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        byte[] line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(line));
            ch.force(true);
        }
    }

    @Override
    public String destination() {
        return dir.resolve(FILE).toString();
    }
}
