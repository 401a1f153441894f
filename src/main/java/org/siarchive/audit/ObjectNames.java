package org.siarchive.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What a person knows an audited object by (a 档号, an organisation's name, an account's display name),
 * for the ids the trail stores. Audit depends on no business module: the module that owns a kind of
 * object implements this port and the audit console asks every implementation (docs/adr/0050).
 * {@link AuditedObject#ACCOUNT} names the actors too (by login name) and {@link AuditedObject#ORG_UNIT}
 * their organisations (by code).
 */
public interface ObjectNames {

    /** The kinds of object this module names. */
    Set<AuditedObject> types();

    /** The names of those of {@code ids} (stored object ids of {@code type}) that exist; others are left out. */
    Map<String, String> names(AuditedObject type, Collection<String> ids);

    /**
     * The ids of objects of {@code type} whose name matches what a person typed in the 对象 filter (a 档号 in
     * part, with - or . for its separators); none by default.
     */
    default Collection<String> find(AuditedObject type, String typed) {
        return java.util.List.of();
    }
}
