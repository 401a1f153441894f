package org.siarchive.crypto;

/**
 * A database column holding {@link FieldCipher} values, declared as a bean by the module that owns
 * the table so key rotation can re-encrypt it. Names are code constants, never user input.
 */
public record EncryptedColumn(String table, String idColumn, String column, String context) {

    public EncryptedColumn {
        for (String s : new String[] {table, idColumn, column}) {
            if (!s.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not an identifier: " + s);
            }
        }
    }
}
