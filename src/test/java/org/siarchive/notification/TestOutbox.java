package org.siarchive.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;

/**
 * For tests of other modules: sends what the outbox holds now (the tests switch its schedule off), and reads the
 * one-time code the file SMS adapter last wrote to a phone.
 */
public final class TestOutbox {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private TestOutbox() {}

    /** Delivers the outbox now; returns how many messages went out. */
    public static int deliver(ApplicationContext context) {
        return context.getBean(OutboxWorker.class).deliver();
    }

    /** The last six-digit code sent by SMS to {@code phone}, from the file adapter's {@code sms.jsonl}. */
    public static Optional<String> lastCode(Path smsFile, String phone) {
        try {
            if (!Files.exists(smsFile)) {
                return Optional.empty();
            }
            String found = null;
            for (String line : Files.readAllLines(smsFile, StandardCharsets.UTF_8)) {
                if (line.contains("\"" + phone + "\"")) {
                    var m = CODE.matcher(line.substring(line.indexOf("\"text\"")));
                    if (m.find()) {
                        found = m.group(1);
                    }
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
