package org.siarchive.certificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.verify.OFDValidator;
import org.siarchive.shared.TemporaryDirectory;
import org.siarchive.shared.xml.OfdFiles;
import org.siarchive.shared.xml.RefusedXmlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signing and verifying OFD certificates (GB/T 33190 containers), in a scratch directory under the data directory. */
class OfdCertificates {

    private static final Logger log = LoggerFactory.getLogger(OfdCertificates.class);

    private final CertificateSignatures signatures;
    private final Path work;

    OfdCertificates(CertificateSignatures signatures, Path work) {
        this.signatures = signatures;
        this.work = work;
    }

    /** The certificate as an OFD document, signed over its whole content by the platform's key. */
    byte[] signed(CertificateDocuments.Content c) {
        try (var dir = TemporaryDirectory.under(work)) {
            var plain = dir.resolve("plain.ofd");
            var signed = dir.resolve("signed.ofd");
            CertificateDocuments.ofd(c, plain, dir.path());
            try (var reader = OfdFiles.open(plain);
                    var signer = new OFDSigner(reader, signed)) {
                signer.setSignMode(SignMode.WholeProtected);
                signer.setSignContainer(signatures.ofdSigner());
                signer.exeSign();
            }
            return Files.readAllBytes(signed);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("OFD certificate: " + e.getMessage(), e);
        }
    }

    /** The signature problems of an uploaded OFD; empty when its signature verifies. */
    List<VerificationProblem.Finding> problems(byte[] file) {
        try (var dir = TemporaryDirectory.under(work)) {
            var f = dir.resolve("upload.ofd");
            Files.write(f, file);
            try (var reader = OfdFiles.open(f);
                    var validator = new OFDValidator(reader)) {
                validator.setValidator(signatures.ofdValidator());
                validator.exeValidate();
            }
            return List.of();
        } catch (RefusedXmlException e) {
            return List.of(VerificationProblem.OFD_XML_REFUSED.with());
        } catch (Exception e) {
            // the library's message may quote the uploaded file: log it, show a fixed sentence
            log.info("OFD certificate signature did not verify", e);
            return List.of(VerificationProblem.OFD_SIGNATURE_INVALID.with());
        }
    }
}
