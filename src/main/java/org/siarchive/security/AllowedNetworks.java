package org.siarchive.security;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** The networks (comma-separated CIDR blocks) an account or a token may be used from; none = any. */
final class AllowedNetworks {

    private AllowedNetworks() {}

    /** The list as stored: stripped, or null when blank. */
    static @Nullable String normalise(@Nullable String networks) {
        return networks == null || networks.isBlank() ? null : networks.strip();
    }

    /** One violation of {@code allowedNetworks} per block that is not an address or CIDR block. */
    static List<Violation> check(@Nullable String networks) {
        var v = new ArrayList<Violation>();
        if (networks != null) {
            for (String cidr : networks.split(",")) {
                try {
                    new IpAddressMatcher(cidr.strip());
                } catch (IllegalArgumentException e) {
                    v.add(Violation.of("allowedNetworks", "cidr", cidr.strip()));
                }
            }
        }
        return v;
    }
}
