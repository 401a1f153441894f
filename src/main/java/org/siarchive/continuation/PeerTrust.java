package org.siarchive.continuation;

import java.util.HashSet;
import java.util.Set;
import org.siarchive.crypto.SigningKey;
import org.siarchive.transfer.TrustedSigners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registered peers' SM2 key ids, trusted by transfer receipts (the EEP packages a 信息表 carries). */
@Component
class PeerTrust implements TrustedSigners {

    private final JdbcClient jdbc;

    PeerTrust(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> keyIds() {
        var ids = new HashSet<String>();
        for (String pem : jdbc.sql("select certificate from continuation_peer where certificate is not null")
                .query(String.class)
                .list()) {
            PeerKeys.point(pem).ifPresent(p -> ids.add(SigningKey.keyIdOf(p)));
        }
        return ids;
    }
}
