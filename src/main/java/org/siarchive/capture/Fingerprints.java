package org.siarchive.capture;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.siarchive.quality.Submission;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** SHA-256 over the submission's metadata (as canonical JSON) and the SHA-256 of each file, in order. */
@Component
class Fingerprints {

    private final JsonMapper json;

    Fingerprints(JsonMapper json) {
        this.json = json;
    }

    /** The fingerprint of a submission whose uploads are not staged (a repeat is recognised by it). */
    String ofUploads(Submission s, List<Upload> uploads) {
        var hashes = new java.util.ArrayList<String>();
        for (var u : uploads) {
            try (var in = u.opener().open()) {
                hashes.add(org.siarchive.preservation.Digester.of(in).sha256());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return of(s, hashes);
    }

    String of(Submission s, List<String> fileSha256s) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            md.update(json.writeValueAsBytes(s));
            fileSha256s.forEach(h -> md.update(h.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
