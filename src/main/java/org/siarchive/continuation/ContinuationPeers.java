package org.siarchive.continuation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.SigningKey;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.siarchive.transfer.TransferPackages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other agencies this installation exchanges 转移接续 messages with (对端机构), kept by the security
 * administrator: region code, name and contact, API endpoint, the token the peer issued to us (SM4-sealed, never
 * shown again) and the peer's SM2 key. Registering a region again replaces its entry. The peers' keys are also
 * trusted for transfer receipts ({@link PeerTrust}), so the EEP packages they sign pass the YJ signature check.
 */
@Component
public class ContinuationPeers {

    static final String TOKEN_CONTEXT = "continuation.peer_token";

    /** A registered peer as listed; the token only as whether there is one. */
    public record Peer(
            long id,
            String regionCode,
            String agencyName,
            @Nullable String phone,
            @Nullable String address,
            @Nullable String postcode,
            @Nullable String endpoint,
            boolean hasToken,
            @Nullable String keyId,
            OffsetDateTime createdAt) {}

    /** A peer as entered. */
    public record PeerForm(
            @Nullable String regionCode,
            @Nullable String agencyName,
            @Nullable String phone,
            @Nullable String address,
            @Nullable String postcode,
            @Nullable String endpoint,
            @Nullable String token,
            @Nullable String certificate) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final TransferPackages transfer;

    ContinuationPeers(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, TransferPackages transfer) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.transfer = transfer;
    }

    /** Registers a peer, or replaces the entry of its region; audited. */
    @Transactional
    public Peer register(PeerForm f, Actor actor) {
        var v = new ArrayList<Violation>();
        String region = text(f.regionCode(), "regionCode", 12, true, v);
        String name = text(f.agencyName(), "agencyName", 200, true, v);
        String phone = text(f.phone(), "phone", 40, false, v);
        String address = text(f.address(), "address", 200, false, v);
        String postcode = text(f.postcode(), "postcode", 10, false, v);
        String endpoint = text(f.endpoint(), "endpoint", 500, false, v);
        String token = text(f.token(), "token", 200, false, v);
        String pem = text(f.certificate(), "certificate", PeerKeys.MAX_PEM, true, v);
        if (region != null && !region.matches("\\d{6}")) {
            v.add(Violation.of("regionCode", "format"));
        }
        if (postcode != null && !postcode.matches("\\d{6}")) {
            v.add(Violation.of("postcode", "format"));
        }
        if (endpoint != null && !endpoint.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            v.add(Violation.of("endpoint", "format"));
        }
        if (pem != null && PeerKeys.point(pem).isEmpty()) {
            v.add(new Violation("certificate", "sm2Key", "continuation.rule.sm2Key", List.of()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var earlier = byRegion(java.util.Objects.requireNonNull(region));
        byte[] sealed = token == null ? null : cipher.encrypt(token, TOKEN_CONTEXT);
        long id = earlier.isPresent()
                ? update(earlier.get().id(), name, phone, address, postcode, endpoint, sealed, pem)
                : insert(region, name, phone, address, postcode, endpoint, sealed, pem, actor);
        audit.record(
                actor,
                AuditedObject.CONTINUATION_PEER,
                region,
                earlier.isPresent() ? AuditOperation.UPDATE : AuditOperation.REGISTER,
                null,
                AuditDetail.of(
                                "audit.detail.continuationPeer",
                                name,
                                region,
                                endpoint == null ? "-" : endpoint,
                                keyId(pem))
                        .encoded());
        return require(id);
    }

    private long insert(
            String region,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String address,
            @Nullable String postcode,
            @Nullable String endpoint,
            byte @Nullable [] sealed,
            @Nullable String pem,
            Actor actor) {
        return jdbc.sql(
                        """
                        insert into continuation_peer (region_code, agency_name, phone, address, postcode, endpoint,
                            outbound_token_enc, certificate, created_by)
                        values (:r, :n, :p, :a, :pc, :e, :t, :c, :by) returning id""")
                .param("r", region)
                .param("n", name)
                .param("p", phone)
                .param("a", address)
                .param("pc", postcode)
                .param("e", endpoint)
                .param("t", sealed)
                .param("c", pem)
                .param("by", actor.name())
                .query(Long.class)
                .single();
    }

    private long update(
            long id,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String address,
            @Nullable String postcode,
            @Nullable String endpoint,
            byte @Nullable [] sealed,
            @Nullable String pem) {
        jdbc.sql(
                        """
                        update continuation_peer set agency_name = :n, phone = :p, address = :a, postcode = :pc,
                            endpoint = :e, outbound_token_enc = coalesce(:t, outbound_token_enc), certificate = :c
                        where id = :id""")
                .param("n", name)
                .param("p", phone)
                .param("a", address)
                .param("pc", postcode)
                .param("e", endpoint)
                .param("t", sealed)
                .param("c", pem)
                .param("id", id)
                .update();
        return id;
    }

    private static @Nullable String text(
            @Nullable String s, String field, int max, boolean required, List<Violation> v) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
            return null;
        }
        if (t.length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        }
        return t;
    }

    private static String keyId(@Nullable String pem) {
        return pem == null ? "-" : PeerKeys.point(pem).map(SigningKey::keyIdOf).orElse("-");
    }

    public List<Peer> list() {
        return jdbc.sql("select * from continuation_peer order by region_code limit 1000")
                .query(ContinuationPeers::peer)
                .list();
    }

    public Peer require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("CONTINUATION_PEER", Long.toString(id)));
    }

    public Optional<Peer> byId(long id) {
        return jdbc.sql("select * from continuation_peer where id = :id")
                .param("id", id)
                .query(ContinuationPeers::peer)
                .optional();
    }

    public Optional<Peer> byRegion(String region) {
        return jdbc.sql("select * from continuation_peer where region_code = :r")
                .param("r", region)
                .query(ContinuationPeers::peer)
                .optional();
    }

    /** The peer's SM2 public point, if a key is registered. */
    Optional<byte[]> point(long id) {
        return jdbc.sql("select certificate from continuation_peer where id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .flatMap(PeerKeys::point);
    }

    /** The token the peer issued to us, in clear, for one request. */
    @Nullable
    String token(long id) {
        byte[] sealed = jdbc.sql("select outbound_token_enc from continuation_peer where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional()
                .orElse(null);
        return cipher.decrypt(sealed, TOKEN_CONTEXT);
    }

    /** This platform's key as a PEM, for the peers to register. */
    public String ownCertificate() {
        return PeerKeys.pem(transfer.platformKey().publicPoint());
    }

    /** This platform's key id. */
    public String ownKeyId() {
        return transfer.platformKey().keyId();
    }

    private static Peer peer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String pem = rs.getString("certificate");
        return new Peer(
                rs.getLong("id"),
                rs.getString("region_code"),
                rs.getString("agency_name"),
                rs.getString("phone"),
                rs.getString("address"),
                rs.getString("postcode"),
                rs.getString("endpoint"),
                rs.getBytes("outbound_token_enc") != null,
                pem == null
                        ? null
                        : PeerKeys.point(pem).map(SigningKey::keyIdOf).orElse(null),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
