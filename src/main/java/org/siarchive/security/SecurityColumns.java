package org.siarchive.security;

import org.siarchive.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Encrypted columns of the security module, for key rotation. */
@Configuration(proxyBeanMethods = false)
class SecurityColumns {

    @Bean
    static EncryptedColumn accountTotpSecret() {
        return new EncryptedColumn("account", "id", "totp_secret", TotpEnrolments.TOTP_CONTEXT);
    }
}
