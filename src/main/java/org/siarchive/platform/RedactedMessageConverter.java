package org.siarchive.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siarchive.quality.CitizenIdNumber;

/**
 * The log message ({@code %m}) with every citizen ID number masked. Code keeps ID numbers out of what it
 * logs; this catches what libraries log for us (Tomcat quotes a bad request line, a framework an
 * unreadable body), so no log line carries one (logback-spring.xml, docs/adr/0032).
 */
public class RedactedMessageConverter extends MessageConverter {

    /** 18 characters: 6-digit area code, 8-digit birth date, 3-digit sequence, check character (GB 11643). */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9])([1-9][0-9]{5})((?:18|19|20)[0-9]{2}[01][0-9][0-3][0-9])([0-9]{3}[0-9Xx])(?![0-9])");

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    /** The text with each valid ID number's birth date replaced by asterisks, as the console shows them. */
    public static String redact(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher m = CANDIDATE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String id = m.group().toUpperCase(java.util.Locale.ROOT);
            String replacement = CitizenIdNumber.checkChar(id.substring(0, 17)) == id.charAt(17)
                    ? m.group(1) + "********" + m.group(3)
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
