package org.siarchive.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers one verification request of a client system, or refuses it. Every request lands in the exchange
 * register: a refusal in its own transaction (then {@link Refusal} is thrown), an answer together with the
 * quota step that admitted it.
 */
@Component
class Verifications {

    /** The answer as the API returns it. */
    record Result(long entryId, String result, Map<String, Object> answer) {}

    private final SharingClients clients;
    private final Purposes purposes;
    private final ExchangeEntries entries;
    private final Answers answers;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final ReadableTime time;

    Verifications(
            SharingClients clients,
            Purposes purposes,
            ExchangeEntries entries,
            Answers answers,
            Organisations organisations,
            JdbcClient jdbc,
            ReadableTime time) {
        this.clients = clients;
        this.purposes = purposes;
        this.entries = entries;
        this.answers = answers;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.time = time;
    }

    @Transactional
    public Result verify(VerificationRequest request, @Nullable Long tokenId, String address, Access access) {
        long started = System.nanoTime();
        var client = tokenId == null ? null : clients.byToken(tokenId).orElse(null);
        var fields = checked(request, client, address, access);
        if (!takeQuota(client, time.today())) {
            throw refuse(
                    request, client, address, access, new Refusal(429, "dailyQuota", "quota", client.dailyQuota()));
        }
        String orgPath = organisations.require(client.orgId()).path();
        var answer = answers.answer(request.idNumber(), request.name(), fields, orgPath, access.actor());
        String result = answer.found() ? "ANSWERED" : "NOT_FOUND";
        var answered = answer.found() ? fields.stream().map(Enum::name).toList() : List.<String>of();
        long id = entries.record(entry(request, client, address, access, answered, result, null, started));
        return new Result(id, result, answer.values());
    }

    /** The fields asked for, once every check has passed; else the refusal, already registered. */
    private List<SharingField> checked(
            VerificationRequest request, @Nullable SharingClient client, String address, Access access) {
        var refusal = refusal(request, client, address);
        if (refusal != null) {
            throw refuse(request, client, address, access, refusal);
        }
        return request.fieldsOrEmpty().stream()
                .distinct()
                .map(f -> SharingField.parse(f).orElseThrow())
                .toList();
    }

    /**
     * The first rule the request breaks: its form first (nothing about the client is revealed by these),
     * then the client (known, active, network), then what the client may ask (purpose, fields, basis).
     */
    private @Nullable Refusal refusal(VerificationRequest r, @Nullable SharingClient client, String address) {
        var form = formRefusal(r);
        if (form != null) {
            return form;
        }
        if (client == null) {
            return new Refusal(403, "client", "client");
        }
        if (!client.active()) {
            return new Refusal(403, "client", "suspended", client.name());
        }
        if (!client.networkList().isEmpty()
                && client.networkList().stream().noneMatch(n -> new IpAddressMatcher(n).matches(address))) {
            return new Refusal(403, "client", "network", address);
        }
        String code = r.purpose().strip();
        var purpose = purposes.find(code);
        if (purpose.isEmpty() || !client.purposeList().contains(purpose.get().code())) {
            return new Refusal(403, "purpose", "purposeNotAllowed", code);
        }
        var fieldRefusal = fieldRefusal(r, client);
        if (fieldRefusal != null) {
            return fieldRefusal;
        }
        if (purpose.get().needsConsent() ? blank(r.consentRef(), 200) : blank(r.legalBasisRef(), 200)) {
            String field = purpose.get().needsConsent() ? "consentRef" : "legalBasisRef";
            return new Refusal(422, field, "basisRequired", code);
        }
        return null;
    }

    private static @Nullable Refusal formRefusal(VerificationRequest r) {
        if (r.purpose() == null || r.purpose().isBlank()) {
            return new Refusal(422, "purpose", "purposeRequired");
        }
        if (r.fieldsOrEmpty().isEmpty()) {
            return new Refusal(422, "fields", "fieldsRequired");
        }
        if (r.fieldsOrEmpty().size() > SharingField.values().length) {
            return new Refusal(422, "fields", "fieldsTooMany", SharingField.values().length);
        }
        if (blank(r.requestRef(), 64)) {
            return new Refusal(422, "requestRef", "requestRef");
        }
        if (r.idNumber() == null || !CitizenIdNumber.isValid(r.idNumber())) {
            return new Refusal(422, "subject.idNumber", "idNumber");
        }
        if (r.name() != null && r.name().length() > 50) {
            return new Refusal(422, "subject.name", "name", 50);
        }
        return null;
    }

    private static @Nullable Refusal fieldRefusal(VerificationRequest r, SharingClient client) {
        var fields = r.fieldsOrEmpty();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (SharingField.parse(f).isEmpty()) {
                return new Refusal(422, "fields[" + i + "]", "fieldUnknown", cut(f));
            }
            if (!client.fieldList().contains(f)) {
                return new Refusal(403, "fields[" + i + "]", "fieldNotAllowed", f);
            }
        }
        return null;
    }

    private static boolean blank(@Nullable String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    private static String cut(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "…" : s;
    }

    /** One more request of the client today (Beijing), unless the quota is used up; atomic per row. */
    private boolean takeQuota(SharingClient client, LocalDate day) {
        return jdbc.sql(
                        """
                insert into sharing_quota (client_id, day, used) values (:c, :d, 1)
                on conflict (client_id, day) do update set used = sharing_quota.used + 1
                where sharing_quota.used < :quota
                returning used""")
                .param("c", client.id())
                .param("d", day)
                .param("quota", client.dailyQuota())
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    private Refusal refuse(
            VerificationRequest request,
            @Nullable SharingClient client,
            String address,
            Access access,
            Refusal refusal) {
        entries.recordAlone(
                entry(request, client, address, access, List.of(), "REFUSED", refusal.rule(), System.nanoTime()));
        return refusal;
    }

    private static ExchangeEntries.Entry entry(
            VerificationRequest r,
            @Nullable SharingClient client,
            String address,
            Access access,
            List<String> answered,
            String result,
            @Nullable String refusal,
            long started) {
        return new ExchangeEntries.Entry(
                client == null ? null : client.id(),
                client == null ? access.actor().name() : client.name(),
                r.requestRef(),
                r.purpose() == null ? null : r.purpose().strip(),
                r.legalBasisRef(),
                r.consentRef(),
                r.idNumber(),
                new ArrayList<>(r.fieldsOrEmpty()),
                answered,
                result,
                refusal,
                address,
                (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000));
    }
}
