package org.siarchive.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The English phrases the platform wrote into entries before details were keyed (docs/adr/0050), read
 * as the keyed details that replaced them, so that older entries read in Chinese too. The stored text
 * (and so the chain) is untouched; a text no phrase matches is shown as written.
 */
final class LegacyDetails {

    private LegacyDetails() {}

    /** A phrase; {@code labels} holds, per group, the message-key prefix its text is a label under (or null). */
    private record Phrase(Pattern pattern, String key, @Nullable String[] labels) {}

    private static final List<Phrase> PHRASES = new ArrayList<>();

    private static void phrase(String regex, String key, @Nullable String... labels) {
        PHRASES.add(new Phrase(Pattern.compile(regex), key, labels));
    }

    static {
        phrase("wrong password", "audit.detail.wrongPassword");
        phrase("unknown account", "audit.detail.unknownAccount");
        phrase("account disabled", "audit.detail.accountDisabled");
        phrase("account locked", "audit.detail.accountLocked");
        phrase("wrong enrolment code", "audit.detail.wrongEnrolmentCode");
        phrase("(UNKNOWN|EXPIRED|REVOKED|NETWORK)", "audit.detail.tokenRefused", "audit.tokenRefusal.");
        phrase("wrong TOTP code", "audit.detail.wrongTotpCode");
        phrase("address (\\S+) outside (.+)", "audit.detail.addressRefused");
        phrase("attempt (\\d+)", "audit.detail.loginAttempt");
        phrase("(\\d+) failures, locked for (\\d+) min", "audit.detail.locked");
        phrase("(password|totp)", "audit.detail.loginStep", "audit.loginStep.");
        phrase("(\\d+) entries, (\\d+) findings", "audit.detail.verified");
        phrase("(\\d+) items", "audit.detail.items");
        phrase("latest (\\d+)", "audit.detail.latest");
        phrase("v(\\d+)", "audit.detail.version");
        phrase("v(\\d+) → v(\\d+)", "audit.detail.versionUndone");
        phrase("(\\S+) v(\\d+)", "audit.detail.versionOf");
        phrase("certNo, phone, bankAccount", "audit.detail.unmasked");
        phrase("(\\d+) items, (\\S+) MB/s", "audit.detail.sweepStarted");
        phrase("(CONTENT|MISSING|DIGEST_ROW|SIDECAR|INVENTORY|EXTRA) (.+)", "audit.detail.finding", "fixity.kind.");
        phrase("(\\d+) items, (\\d+) bytes, (\\d+) findings", "audit.detail.sweepFinished");
        phrase(
                "(GD|YJ|CQ) (PASS|FAIL): (\\d+) records, (\\d+) items failed, (\\d+) not checked",
                "audit.detail.checkFinished",
                "checks.stage.",
                "checks.result.");
        phrase("(\\d+) pages analysed", "audit.detail.pagesAnalysed");
        phrase("batch (\\S+)", "audit.detail.batch");
        phrase("page (\\d+)", "audit.detail.page");
        phrase("(\\d+) cover sheets", "audit.detail.coverSheets");
        phrase("completed=(\\d+) quarantined=(\\d+) orphans=(\\d+) staging=(\\d+)", "audit.detail.reconciled");
    }

    /** The keyed detail an older text stands for, or null when it is no phrase the platform wrote. */
    static @Nullable AuditDetail match(String text) {
        for (var p : PHRASES) {
            var m = p.pattern().matcher(text);
            if (m.matches()) {
                var args = new ArrayList<String>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    String value = String.valueOf(m.group(i));
                    String prefix = i <= p.labels().length ? p.labels()[i - 1] : null;
                    args.add(prefix == null ? value : AuditDetail.label(prefix + value));
                }
                return new AuditDetail(p.key(), args);
            }
        }
        return null;
    }
}
