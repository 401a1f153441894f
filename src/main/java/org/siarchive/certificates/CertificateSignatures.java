package org.siarchive.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.Date;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.verify.SignedDataValidateContainer;
import org.ofdrw.sign.verify.exceptions.InvalidSignedValueException;
import org.siarchive.crypto.SigningKey;
import org.siarchive.crypto.Sm3;

/**
 * Signatures of certified copies, all SM3withSM2 under the platform's certificate key: in a PDF, a CMS
 * SignedData (detached, adbe.pkcs7.detached) carrying a self-issued certificate of the key; in an OFD, the
 * GB/T 33190 signature of the whole package (ofdrw, SignMode.WholeProtected). Verification trusts only the
 * platform's own key (by key id), so a document re-signed with another key fails.
 */
final class CertificateSignatures {

    static final ASN1ObjectIdentifier SM3_WITH_SM2 = GMObjectIdentifiers.sm2sign_with_sm3;
    static final ASN1ObjectIdentifier SM3 = GMObjectIdentifiers.sm3;

    private final SigningKey key;
    private final X509CertificateHolder certificate;

    CertificateSignatures(SigningKey key, String issuer) {
        this.key = key;
        this.certificate = selfIssued(key, issuer);
    }

    String keyId() {
        return key.keyId();
    }

    // ------------------------------------------------------------------ PDF

    /** Adds a detached CMS signature to the PDF (incremental save); returns the signed bytes. */
    byte[] signPdf(byte[] pdf, String reason) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName("SIArchive");
            sig.setReason(reason);
            sig.setSignDate(Calendar.getInstance());
            doc.addSignature(sig, content -> cms(content.readAllBytes()));
            var out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private byte[] cms(byte[] content) throws IOException {
        try {
            var gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(
                    new SignerInfoGeneratorBuilder(new org.bouncycastle.operator.bc.BcDigestCalculatorProvider())
                            .build(new Sm2ContentSigner(key), certificate));
            gen.addCertificate(certificate);
            CMSTypedData data = new CMSProcessableByteArray(content);
            return gen.generate(data, false).getEncoded();
        } catch (org.bouncycastle.cms.CMSException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException("CMS signature: " + e.getMessage(), e);
        }
    }

    /**
     * Problems with a signed PDF (empty when its last signature covers the whole file, verifies, and is by
     * the platform's key).
     */
    java.util.List<VerificationProblem.Finding> verifyPdf(byte[] pdf) {
        var problems = new java.util.ArrayList<VerificationProblem.Finding>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var sigs = doc.getSignatureDictionaries();
            if (sigs.isEmpty()) {
                return java.util.List.of(VerificationProblem.NO_SIGNATURE.with());
            }
            PDSignature sig = sigs.get(sigs.size() - 1);
            int[] range = sig.getByteRange();
            if (range.length != 4 || range[2] + range[3] != pdf.length) {
                problems.add(VerificationProblem.NOT_WHOLE_FILE.with());
            }
            byte[] signed = sig.getSignedContent(pdf);
            byte[] contents = firstObject(sig.getContents(pdf));
            var cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            var certs = cms.getCertificates().getMatches(signer.getSID());
            if (certs.isEmpty()) {
                return java.util.List.of(VerificationProblem.NO_SIGNER_CERTIFICATE.with());
            }
            var cert = (X509CertificateHolder) certs.iterator().next();
            byte[] point = cert.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            if (!SigningKey.keyIdOf(point).equals(key.keyId())) {
                problems.add(VerificationProblem.OTHER_KEY.with(SigningKey.keyIdOf(point), key.keyId()));
            }
            // the signed attributes carry the SM3 of the content; the SM2 signature covers the attributes
            var digestAttr = signer.getSignedAttributes()
                    .get(org.bouncycastle.asn1.cms.CMSAttributes.messageDigest)
                    .getAttrValues()
                    .getObjectAt(0);
            byte[] declared = org.bouncycastle.asn1.ASN1OctetString.getInstance(digestAttr)
                    .getOctets();
            if (!MessageDigest.isEqual(declared, Sm3.digest(signed))) {
                problems.add(VerificationProblem.CONTENT_CHANGED.with());
            }
            if (!SigningKey.verify(point, signer.getEncodedSignedAttributes(), signer.getSignature())) {
                problems.add(VerificationProblem.SIGNATURE_INVALID.with());
            }
        } catch (IOException | RuntimeException | org.bouncycastle.cms.CMSException e) {
            // the library's message may quote the uploaded file: a fixed sentence
            problems.add(VerificationProblem.UNREADABLE.with());
        }
        return problems;
    }

    /** PDFBox hands the zero-padded /Contents; BouncyCastle wants exactly one DER object. */
    private static byte[] firstObject(byte[] padded) throws IOException {
        try (var in = new org.bouncycastle.asn1.ASN1InputStream(padded)) {
            return in.readObject().getEncoded();
        }
    }

    // ------------------------------------------------------------------ OFD

    /** The signing side of ofdrw's OFD signature: SM3 digests, SM3withSM2 by the platform key. */
    ExtendSignatureContainer ofdSigner() {
        return new ExtendSignatureContainer() {
            @Override
            public MessageDigest getDigestFnc() {
                return new org.bouncycastle.jcajce.provider.digest.SM3.Digest();
            }

            @Override
            public ASN1ObjectIdentifier getSignAlgOID() {
                return SM3_WITH_SM2;
            }

            @Override
            public byte[] sign(InputStream inData, String propertyInfo) throws IOException {
                return key.sign(inData.readAllBytes());
            }

            @Override
            public byte[] getSeal() {
                return null;
            }

            @Override
            public SigType getSignType() {
                return SigType.Sign;
            }
        };
    }

    /** The verifying side: SM3withSM2 by the platform key only. */
    SignedDataValidateContainer ofdValidator() {
        byte[] point = key.publicPoint();
        return (type, alg, tbs, signedValue) -> {
            if (!SigningKey.verify(point, tbs, signedValue)) {
                throw new InvalidSignedValueException("the SM2 signature does not verify with the platform key");
            }
        };
    }

    // ------------------------------------------------------------------ helpers

    /** SM3withSM2 through the platform key, for BouncyCastle's CMS and certificate builders. */
    private static final class Sm2ContentSigner implements ContentSigner {
        private final SigningKey key;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Sm2ContentSigner(SigningKey key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(SM3_WITH_SM2);
        }

        @Override
        public OutputStream getOutputStream() {
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            return key.sign(buffer.toByteArray());
        }
    }

    /** A certificate of the platform key issued by itself (the trust anchor is the key id, not a CA). */
    private static X509CertificateHolder selfIssued(SigningKey key, String issuer) {
        var name = new X500Name("CN=" + issuer + " 出证签名, O=SIArchive");
        var spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1),
                key.publicPoint());
        var from = new Date(1_700_000_000_000L);
        var until = new Date(4_102_444_800_000L); // 2100-01-01
        var builder = new X509v3CertificateBuilder(
                name, new BigInteger(1, Sm3.digest(key.publicPoint())).shiftRight(130), from, until, name, spki);
        return builder.build(new Sm2ContentSigner(key));
    }
}
