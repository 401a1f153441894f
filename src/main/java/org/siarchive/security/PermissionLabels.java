package org.siarchive.security;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a person reads for a permission: the message key {@code permission.<code with dots>} (e.g.
 * {@code permission.catalog.item.read} → 查阅档案目录), never the code itself. Listed in the order the
 * permissions are declared, so related ones stand together.
 */
final class PermissionLabels {

    private static final List<String> DECLARED = Arrays.stream(Permission.class.getDeclaredFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(PermissionLabels::value)
            .toList();

    private PermissionLabels() {}

    /** Every permission code, in declaration order. */
    static List<String> all() {
        return DECLARED;
    }

    static String key(String permission) {
        return "permission." + permission.replace(':', '.');
    }

    /** The message keys of {@code permissions}, declared order first, unknown codes (if any) last. */
    static List<String> keys(Collection<String> permissions) {
        var known = DECLARED.stream().filter(permissions::contains);
        var unknown = permissions.stream().filter(p -> !DECLARED.contains(p)).sorted();
        return java.util.stream.Stream.concat(known, unknown)
                .map(PermissionLabels::key)
                .toList();
    }

    private static String value(java.lang.reflect.Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
