package org.siarchive.notification;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SMS written to a file ({@code siarchive.notification.sms.adapter=file}; the file is
 * {@code siarchive.notification.sms.file}, by default {@code notifications/sms.jsonl} under the data directory): the
 * number and the text, for a gateway that picks the file up, or for tests. No SMS leaves without this setting.
 */
@Component
@ConditionalOnProperty(name = "siarchive.notification.sms.adapter", havingValue = "file")
class SmsFileNotifier extends FileNotifier {

    SmsFileNotifier(
            @Value("${siarchive.notification.sms.file:${siarchive.data-dir:./data}/notifications/sms.jsonl}")
                    String file,
            NoticeText text) {
        super(Path.of(file), text);
    }

    @Override
    public String channel() {
        return SMS;
    }

    @Override
    Map<String, String> line(Recipient to, Message m, NoticeText text) {
        var line = new LinkedHashMap<String, String>();
        line.put("to", to.phone());
        line.put("language", NoticeText.language(to.language()));
        line.put("text", text.text(m, to.language()));
        return line;
    }
}
