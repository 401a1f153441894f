package org.siarchive.certificates;

import java.util.List;
import org.siarchive.shared.Labelled;

/**
 * Why an uploaded file is not the authentic certificate. People read it on the public verification page,
 * worded by the message bundles ({@code enum.VerificationProblem.<NAME>}, docs/adr/0056), never by the
 * signature libraries.
 */
public enum VerificationProblem implements Labelled {
    /** Not the bytes issued under the code; arguments: the upload's and the issued SM3, abbreviated. */
    CONTENT_DIFFERS,
    NO_SIGNATURE,
    /** Something was appended after the signature. */
    NOT_WHOLE_FILE,
    NO_SIGNER_CERTIFICATE,
    /** Arguments: the signer's key id, the platform's. */
    OTHER_KEY,
    /** The signed content no longer has the SM3 the signature declares. */
    CONTENT_CHANGED,
    SIGNATURE_INVALID,
    UNREADABLE,
    OFD_XML_REFUSED,
    OFD_SIGNATURE_INVALID;

    /** This problem with the values its sentence names. */
    Finding with(String... args) {
        return new Finding(this, List.of(args));
    }

    /** One problem found, with the values its sentence names (digests, key ids). */
    public record Finding(VerificationProblem problem, List<String> args) {

        public Finding {
            args = List.copyOf(args);
        }

        /** The message key of its sentence. */
        public String labelKey() {
            return problem.labelKey();
        }
    }
}
