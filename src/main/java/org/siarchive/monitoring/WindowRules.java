package org.siarchive.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.springframework.stereotype.Component;

/**
 * The rules that count entries in a window (fixed windows of the policy's minutes, aligned on the epoch, so an
 * hour is a clock hour in Beijing too): BULK_READ (distinct person and employer files read by one account),
 * REPEATED_UNMASK, FAILED_LOGINS (per account typed and per source network), DENIED_BURST, REGISTER_EXPORT (any
 * export: threshold 0) and API_VOLUME (calls of an API client in an hour, against its usual volume). A window
 * whose count is above the threshold is a hit; one alert per rule × actor × window.
 */
@Component
class WindowRules {

    private final Observations observations;
    private final ApiBaselines baselines;

    WindowRules(Observations observations, ApiBaselines baselines) {
        this.observations = observations;
        this.baselines = baselines;
    }

    List<Hit> detect(List<AuditTrail.Entry> entries, Map<RuleCode, RulePolicy> rules) {
        var seen = new ArrayList<Observation>();
        var orgs = new HashMap<String, String>();
        for (var e : entries) {
            for (var o : observe(e, rules)) {
                seen.add(o);
                if (e.org() != null) {
                    orgs.putIfAbsent(o.rule() + "|" + o.actor(), e.org());
                }
            }
        }
        if (seen.isEmpty()) {
            return List.of();
        }
        baselines.count(
                seen.stream().filter(o -> o.rule() == RuleCode.API_VOLUME).toList());
        var hits = new ArrayList<Hit>();
        for (var w : observations.add(seen)) {
            var policy = rules.get(w.rule());
            int limit = w.rule() == RuleCode.API_VOLUME
                    ? baselines.limit(w.actor(), w.start(), policy)
                    : w.rule() == RuleCode.REGISTER_EXPORT ? 0 : policy.thresholdOr(Integer.MAX_VALUE);
            if (w.count() > limit) {
                hits.add(new Hit(
                        w.rule(),
                        w.actor(),
                        orgs.get(w.rule() + "|" + w.actor()),
                        w.start(),
                        w.end(),
                        w.count(),
                        limit,
                        w.entryIds()));
            }
        }
        return hits;
    }

    private static List<Observation> observe(AuditTrail.Entry e, Map<RuleCode, RulePolicy> rules) {
        var out = new ArrayList<Observation>();
        if (!Actors.someone(e)) {
            return out;
        }
        boolean success = AuditTrail.SUCCESS.equals(e.result());
        String id = Long.toString(e.id());
        if (success && e.is(AuditOperation.READ) && partyFile(e.objectType())) {
            add(out, rules, RuleCode.BULK_READ, e.actor(), e, e.objectType() + ":" + e.objectId());
        }
        if (success && e.is(AuditOperation.UNMASK)) {
            add(out, rules, RuleCode.REPEATED_UNMASK, e.actor(), e, id);
        }
        if (e.is(AuditOperation.LOGIN) && !success) {
            add(out, rules, RuleCode.FAILED_LOGINS, e.actor(), e, id);
            String net = Networks.of(e.ip());
            if (net != null) {
                add(out, rules, RuleCode.FAILED_LOGINS, net, e, id);
            }
        }
        if (AuditTrail.DENIED.equals(e.result())
                && (e.is(AuditOperation.ACCESS) || e.is(AuditOperation.AUTHENTICATE))) {
            add(out, rules, RuleCode.DENIED_BURST, e.actor(), e, id);
        }
        if (success && e.is(AuditOperation.EXPORT)) {
            add(out, rules, RuleCode.REGISTER_EXPORT, e.actor(), e, id);
        }
        if (Actors.client(e)) {
            add(out, rules, RuleCode.API_VOLUME, e.actor(), e, id);
        }
        return out;
    }

    private static boolean partyFile(String objectType) {
        return objectType.equals(AuditedObject.PERSON.name()) || objectType.equals(AuditedObject.EMPLOYER.name());
    }

    private static void add(
            List<Observation> out,
            Map<RuleCode, RulePolicy> rules,
            RuleCode rule,
            String actor,
            AuditTrail.Entry e,
            String key) {
        @Nullable RulePolicy p = rules.get(rule);
        if (p == null || !p.enabled()) {
            return;
        }
        int minutes = rule == RuleCode.API_VOLUME ? 60 : p.windowOr(60);
        long seconds = minutes * 60L;
        long at = e.at().toEpochSecond();
        var start = Instant.ofEpochSecond(Math.floorDiv(at, seconds) * seconds);
        out.add(new Observation(rule, actor, start, start.plusSeconds(seconds), e.id(), key));
    }
}
