package org.siarchive.catalog;

import java.util.List;
import org.siarchive.crypto.EncryptedColumn;
import org.siarchive.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's encrypted columns (declared for key rotation), and the one-time encryption of
 * persons registered before field encryption existed: their plaintext number is sealed, indexed and
 * then erased, in one transaction.
 */
@Configuration(proxyBeanMethods = false)
class PersonalData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    PersonalData(JdbcClient jdbc, FieldCipher cipher, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
    }

    @Bean
    static EncryptedColumn personCertNo() {
        return new EncryptedColumn("person", "id", "cert_no_enc", ItemQueries.CERT_CONTEXT);
    }

    @Bean
    static EncryptedColumn personPhone() {
        return new EncryptedColumn("person", "id", "phone_enc", ItemQueries.PHONE_CONTEXT);
    }

    @Bean
    static EncryptedColumn personBankAccount() {
        return new EncryptedColumn("person", "id", "bank_account_enc", ItemQueries.BANK_CONTEXT);
    }

    @Override
    public void afterSingletonsInstantiated() {
        int n = tx.execute(s -> {
            record Legacy(long id, String certNo) {}
            List<Legacy> rows = jdbc.sql("select id, cert_no from person where cert_no is not null for update")
                    .query(Legacy.class)
                    .list();
            for (var r : rows) {
                jdbc.sql("update person set cert_no_enc = :e, cert_no_index = :i, cert_no = null where id = :id")
                        .param("e", cipher.encrypt(r.certNo(), ItemQueries.CERT_CONTEXT))
                        .param("i", cipher.blindIndex(r.certNo(), ItemQueries.CERT_CONTEXT))
                        .param("id", r.id())
                        .update();
            }
            return rows.size();
        });
        if (n > 0) {
            log.info("Encrypted the certificate numbers of {} persons registered before field encryption", n);
        }
    }
}
