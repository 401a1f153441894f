package org.siarchive.crypto;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation. {@link #rotateDataKey} makes a new field key active and re-encrypts every declared
 * column under it in batches of committed transactions (values under older keys stay readable until
 * the last batch, so an interrupted rotation is simply run again); the old key is then retired.
 * {@link #rewrap} re-wraps every data key under a new master key in one transaction.
 */
public class KeyRotation {

    /** What a rotation did. */
    public record Result(int newKeyId, long reencrypted, List<Integer> retired) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final MasterKey master;
    private final List<EncryptedColumn> columns;
    private final TransactionTemplate tx;

    KeyRotation(
            JdbcClient jdbc,
            FieldCipher cipher,
            MasterKey master,
            List<EncryptedColumn> columns,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.master = master;
        this.columns = columns;
        this.tx = tx;
    }

    public Result rotateDataKey() {
        int id = tx.execute(s -> {
            int next = jdbc.sql("select coalesce(max(id), 0) + 1 from crypto_key")
                    .query(Integer.class)
                    .single();
            return cipher.create(next, "FIELD");
        });
        cipher.refresh();
        long n = 0;
        for (var c : columns) {
            n += reencrypt(c, id);
        }
        List<Integer> retired = tx.execute(s -> jdbc.sql(
                        """
                update crypto_key set status = 'RETIRED' where purpose = 'FIELD' and id <> :id and status = 'ACTIVE'
                returning id
                """)
                .param("id", id)
                .query(Integer.class)
                .list());
        return new Result(id, n, retired);
    }

    private long reencrypt(EncryptedColumn c, int keyId) {
        long done = 0;
        String select = "select %s::text, %s from %s where %s is not null order by %s"
                .formatted(c.idColumn(), c.column(), c.table(), c.column(), c.idColumn());
        String update = "update %s set %s = :v where %s::text = :id".formatted(c.table(), c.column(), c.idColumn());
        List<Object[]> rows = jdbc.sql(select)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)})
                .list();
        for (int from = 0; from < rows.size(); from += 500) {
            var batch = rows.subList(from, Math.min(rows.size(), from + 500));
            done += tx.execute(s -> {
                long k = 0;
                for (Object[] r : batch) {
                    byte[] stored = (byte[]) r[1];
                    if (FieldCipher.keyId(stored) == keyId) {
                        continue;
                    }
                    jdbc.sql(update)
                            .param("v", cipher.encrypt(cipher.decrypt(stored, c.context()), c.context()))
                            .param("id", r[0])
                            .update();
                    k++;
                }
                return k;
            });
        }
        return done;
    }

    /** Re-wraps every data key under {@code next}; afterwards only {@code next} opens the database. */
    public int rewrap(MasterKey next) {
        return tx.execute(s -> {
            var rows = jdbc.sql("select id, purpose, wrapped from crypto_key order by id for update")
                    .query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getBytes(3)})
                    .list();
            for (Object[] r : rows) {
                int id = (Integer) r[0];
                String purpose = (String) r[1];
                byte[] key = FieldCipher.unwrap(master, id, purpose, (byte[]) r[2]);
                jdbc.sql("update crypto_key set wrapped = :w where id = :id")
                        .param("w", FieldCipher.wrap(next, id, purpose, key))
                        .param("id", id)
                        .update();
            }
            return rows.size();
        });
    }
}
