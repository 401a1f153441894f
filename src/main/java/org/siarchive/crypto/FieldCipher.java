package org.siarchive.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Field encryption and blind indexes for personal data. A value is sealed with SM4-GCM under the
 * active data key; the stored form is {@code 0x01 ‖ key id (4 bytes) ‖ nonce ‖ ciphertext ‖ tag}, and
 * the associated data binds it to its column ({@code context}), so a value copied into another column
 * does not decrypt. Exact lookup uses HMAC-SM3 under a separate index key.
 */
public class FieldCipher {

    private static final byte VERSION = 1;

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final TransactionTemplate tx;
    private final Map<Integer, byte[]> keys = new ConcurrentHashMap<>();
    private volatile int activeFieldKey;
    private volatile int indexKey;

    FieldCipher(JdbcClient jdbc, MasterKey master, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.master = master;
        this.tx = tx;
    }

    /** Creates the first data keys if there are none, and proves the master key opens every one. */
    void initialise() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("lock table crypto_key in exclusive mode").update();
            if (activeId("FIELD") == null) {
                create(1, "FIELD");
            }
            if (activeId("INDEX") == null) {
                create(2, "INDEX");
            }
        });
        for (var row : jdbc.sql("select id, purpose, wrapped from crypto_key order by id")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getBytes(3)})
                .list()) {
            keys.put((Integer) row[0], unwrap((Integer) row[0], (String) row[1], (byte[]) row[2]));
        }
        refresh();
    }

    void refresh() {
        Integer field = activeId("FIELD");
        Integer index = activeId("INDEX");
        if (field == null || index == null) {
            throw new CryptoException("no active data keys");
        }
        activeFieldKey = field;
        indexKey = index;
    }

    private @Nullable Integer activeId(String purpose) {
        return jdbc.sql("select max(id) from crypto_key where purpose = :p and status = 'ACTIVE'")
                .param("p", purpose)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** Inserts a new data key, wrapped under the master key; the caller's transaction decides. */
    int create(int id, String purpose) {
        byte[] key = Sm4Gcm.randomKey();
        jdbc.sql("insert into crypto_key (id, purpose, wrapped, status) values (:id, :p, :w, 'ACTIVE')")
                .param("id", id)
                .param("p", purpose)
                .param("w", wrap(master, id, purpose, key))
                .update();
        keys.put(id, key);
        return id;
    }

    static byte[] wrap(MasterKey master, int id, String purpose, byte[] key) {
        return Sm4Gcm.seal(master.bytes(), key, aad("siarchive-data-key:" + purpose, id));
    }

    private byte[] unwrap(int id, String purpose, byte[] wrapped) {
        return unwrap(master, id, purpose, wrapped);
    }

    static byte[] unwrap(MasterKey master, int id, String purpose, byte[] wrapped) {
        try {
            return Sm4Gcm.open(master.bytes(), wrapped, 0, aad("siarchive-data-key:" + purpose, id));
        } catch (CryptoException e) {
            throw new CryptoException(
                    "data key " + id + " does not open with the master key from " + master.source() + " (fingerprint "
                            + master.fingerprint() + "): wrong master key",
                    e);
        }
    }

    public byte @Nullable [] encrypt(@Nullable String value, String context) {
        if (value == null) {
            return null;
        }
        int id = activeFieldKey;
        byte[] sealed = Sm4Gcm.seal(key(id), value.getBytes(StandardCharsets.UTF_8), aad(context, id));
        return ByteBuffer.allocate(5 + sealed.length)
                .put(VERSION)
                .putInt(id)
                .put(sealed)
                .array();
    }

    public @Nullable String decrypt(byte @Nullable [] stored, String context) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 5 || stored[0] != VERSION) {
            throw new CryptoException("unknown ciphertext format in " + context);
        }
        int id = ByteBuffer.wrap(stored, 1, 4).getInt();
        return new String(Sm4Gcm.open(key(id), stored, 5, aad(context, id)), StandardCharsets.UTF_8);
    }

    /** Key id a stored value was sealed under. */
    static int keyId(byte[] stored) {
        return ByteBuffer.wrap(stored, 1, 4).getInt();
    }

    int activeFieldKey() {
        return activeFieldKey;
    }

    /** HMAC-SM3 of the value under the index key: equal values give equal indexes, nothing else leaks. */
    public byte @Nullable [] blindIndex(@Nullable String value, String context) {
        if (value == null) {
            return null;
        }
        return Sm3.hmac(key(indexKey), (context + '\u0000' + value).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key(int id) {
        byte[] k = keys.get(id);
        if (k != null) {
            return k;
        }
        List<Object[]> row = jdbc.sql("select purpose, wrapped from crypto_key where id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
                .list();
        if (row.isEmpty()) {
            throw new CryptoException("unknown data key " + id);
        }
        byte[] opened = unwrap(id, (String) row.get(0)[0], (byte[]) row.get(0)[1]);
        keys.put(id, opened);
        return opened;
    }

    private static byte[] aad(String context, int keyId) {
        return (context + '#' + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
