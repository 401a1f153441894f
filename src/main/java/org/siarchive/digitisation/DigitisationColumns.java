package org.siarchive.digitisation;

import org.siarchive.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Encrypted columns of digitisation, for key rotation: OCR text and words, extracted ID numbers. */
@Configuration(proxyBeanMethods = false)
class DigitisationColumns {

    @Bean
    static EncryptedColumn scanItemCertNo() {
        return new EncryptedColumn("scan_item", "id", "cert_no_enc", ScanBatches.CERT_CONTEXT);
    }

    @Bean
    static EncryptedColumn scanPageText() {
        return new EncryptedColumn("scan_page", "id", "ocr_text_enc", ScanBatches.TEXT_CONTEXT);
    }

    @Bean
    static EncryptedColumn scanPageWords() {
        return new EncryptedColumn("scan_page", "id", "ocr_words_enc", ScanBatches.WORDS_CONTEXT);
    }
}
