package org.siarchive.platform;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces ({@code %wEx}) with citizen ID numbers masked: exception messages quote input too. */
public class RedactedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(ch.qos.logback.classic.spi.IThrowableProxy proxy) {
        return RedactedMessageConverter.redact(super.throwableProxyToString(proxy));
    }
}
