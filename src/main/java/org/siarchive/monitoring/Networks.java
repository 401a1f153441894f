package org.siarchive.monitoring;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** The network of an address: IPv4 /24, IPv6 /64, written as its prefix (e.g. {@code 10.2.3.0/24}). */
final class Networks {

    private Networks() {}

    static @Nullable String of(@Nullable String address) {
        if (address == null
                || address.isBlank()
                || address.length() > 64
                || !(address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                        || address.matches("[0-9A-Fa-f:.%]*:[0-9A-Fa-f:.%]*"))) {
            // only literals: a name would be looked up in DNS
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(
                            address.contains("%") ? address.substring(0, address.indexOf('%')) : address)
                    .getAddress();
            if (b.length == 4) {
                return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
            }
            var sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)))
                        .append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
