package org.siarchive.comparison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.Sm3;
import org.siarchive.shared.Actor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule catalogue: {@code comparison/rules.json} read at start-up, each rule's canonical JSON stored in
 * {@code comparison_rule_version} when its SM3 digest differs from the last version that came from the file;
 * runs use each rule's newest version (a person's change, {@link RuleChanges}, makes one too).
 */
@Component
public class RuleCatalogue {

    static final JsonMapper JSON = RuleJson.MAPPER;

    /** A stored version of a rule. */
    public record Version(
            long id, String code, int version, RuleDefinition rule, String digest, boolean enabled, String origin) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RuleCatalogue(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The rules of the file, validated. */
    static List<RuleDefinition> fromResource() {
        return RuleJson.resource();
    }

    static String canonical(RuleDefinition rule) {
        return RuleJson.canonical(rule);
    }

    static String digest(String canonical) {
        return Sm3.hex(Sm3.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Stores a new version of every rule whose file definition changed since its last file version. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void synchronise() {
        for (var rule : fromResource()) {
            String text = canonical(rule);
            String digest = digest(text);
            var fromFile = jdbc.sql("select digest from comparison_rule_version where rule_code = :c"
                            + " and origin = 'RESOURCE' order by version desc limit 1")
                    .param("c", rule.code())
                    .query(String.class)
                    .optional();
            if (fromFile.filter(digest::equals).isEmpty()) {
                boolean enabled = latest(rule.code()).map(Version::enabled).orElse(true);
                insert(rule.code(), text, digest, enabled, "RESOURCE", Actor.SYSTEM, null);
            }
        }
    }

    long insert(
            String code,
            String text,
            String digest,
            boolean enabled,
            String origin,
            Actor actor,
            @org.jspecify.annotations.Nullable String note) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from comparison_rule_version where rule_code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
        long id = jdbc.sql("insert into comparison_rule_version (rule_code, version, definition, digest, enabled,"
                        + " created_by, origin, note) values (:c, :v, :d, :g, :e, :by, :o, :n) returning id")
                .param("c", code)
                .param("v", version)
                .param("d", text)
                .param("g", digest)
                .param("e", enabled)
                .param("by", actor.name())
                .param("o", origin)
                .param("n", note)
                .query(Long.class)
                .single();
        audit.record(
                actor,
                AuditedObject.COMPARISON_RULE,
                code,
                "RESOURCE".equals(origin) ? AuditOperation.CREATE : AuditOperation.UPDATE,
                note,
                AuditDetail.of(
                                "audit.detail.comparisonRuleVersion",
                                AuditDetail.label(RuleDefinition.labelKey(code)),
                                version,
                                digest.substring(0, 16),
                                AuditDetail.label(enabled ? "comparison.rule.enabled" : "comparison.rule.disabled"))
                        .encoded());
        return id;
    }

    private static final String SELECT =
            "select id, rule_code, version, definition, digest, enabled, origin from comparison_rule_version";

    /** The newest version of each rule, in the file's order. */
    public List<Version> current() {
        var out = new ArrayList<Version>();
        for (var rule : fromResource()) {
            latest(rule.code()).ifPresent(out::add);
        }
        return out;
    }

    public Optional<Version> latest(String code) {
        return jdbc.sql(SELECT + " where rule_code = :c order by version desc limit 1")
                .param("c", code)
                .query((rs, n) -> version(rs))
                .optional();
    }

    /** Every version of a rule, newest first (at most 100). */
    public List<Version> history(String code) {
        return jdbc.sql(SELECT + " where rule_code = :c order by version desc limit 100")
                .param("c", code)
                .query((rs, n) -> version(rs))
                .list();
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                JSON.readValue(rs.getString(4), RuleDefinition.class),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getString(7));
    }
}
