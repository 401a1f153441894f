package org.siarchive.transfer;

import java.util.Set;

/**
 * More SM2 key ids a receipt trusts besides this platform's own and the configured ones: another module's
 * registered partners (转移接续 peers, whose certificates the security administrator registered). Implemented
 * outside transfer, so transfer depends on nobody.
 */
public interface TrustedSigners {

    /** The key ids ({@code SigningKey.keyIdOf}) trusted now. */
    Set<String> keyIds();
}
