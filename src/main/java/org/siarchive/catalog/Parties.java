package org.siarchive.catalog;

import org.siarchive.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parties items are about, kept once each: 参保人 keyed by certificate type and the blind index of its
 * number, 参保单位 by 统一社会信用代码. They are what 一人一档 and 一企一档 gather items by.
 */
@Component
class Parties {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    Parties(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The number, phone and bank account are stored encrypted only. The name first registered stays; the
     * name on each item is kept with the item. A phone or bank account given later replaces the earlier one.
     * Gender and birth date come as the capture read them off a citizen ID number (GB 11643).
     */
    long person(NewItem.PersonRef p) {
        return jdbc.sql(
                        """
                insert into person (cert_type, cert_no_enc, cert_no_index, name, gender, birth_date, phone_enc,
                    bank_account_enc)
                values (:type, :enc, :index, :name, :gender, :birth, :phone, :bank)
                on conflict (cert_type, cert_no_index) do update set
                    phone_enc = coalesce(excluded.phone_enc, person.phone_enc),
                    bank_account_enc = coalesce(excluded.bank_account_enc, person.bank_account_enc)
                returning id
                """)
                .param("type", p.certType())
                .param("enc", cipher.encrypt(p.certNo(), ItemQueries.CERT_CONTEXT))
                .param("index", cipher.blindIndex(p.certNo(), ItemQueries.CERT_CONTEXT))
                .param("name", p.name())
                .param("gender", p.gender())
                .param("birth", p.birthDate())
                .param("phone", cipher.encrypt(p.phone(), ItemQueries.PHONE_CONTEXT))
                .param("bank", cipher.encrypt(p.bankAccount(), ItemQueries.BANK_CONTEXT))
                .query(Long.class)
                .single();
    }

    long employer(NewItem.EmployerRef e) {
        return jdbc.sql(
                        """
                insert into employer (credit_code, name) values (:code, :name)
                on conflict (credit_code) do update set credit_code = excluded.credit_code
                returning id
                """)
                .param("code", e.creditCode())
                .param("name", e.name())
                .query(Long.class)
                .single();
    }
}
