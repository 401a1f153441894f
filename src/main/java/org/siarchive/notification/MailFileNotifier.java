package org.siarchive.notification;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * E-mail written to a file ({@code siarchive.notification.mail.adapter=file}; the file is
 * {@code siarchive.notification.mail.file}, by default {@code notifications/mail.jsonl} under the data directory):
 * sender, address, subject line and text, for a relay that picks the file up, or for tests. No e-mail leaves
 * without this setting.
 */
@Component
@ConditionalOnProperty(name = "siarchive.notification.mail.adapter", havingValue = "file")
class MailFileNotifier extends FileNotifier {

    private final String from;

    MailFileNotifier(
            @Value("${siarchive.notification.mail.file:${siarchive.data-dir:./data}/notifications/mail.jsonl}")
                    String file,
            @Value("${siarchive.notification.mail.from:siarchive@localhost}") String from,
            NoticeText text) {
        super(Path.of(file), text);
        this.from = from;
    }

    @Override
    public String channel() {
        return MAIL;
    }

    @Override
    Map<String, String> line(Recipient to, Message m, NoticeText text) {
        var line = new LinkedHashMap<String, String>();
        line.put("from", from);
        line.put("to", to.email());
        line.put("language", NoticeText.language(to.language()));
        line.put("subject", text.title(m, to.language()));
        line.put("text", text.text(m, to.language()));
        return line;
    }
}
