package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemSecrecy;
import org.siarchive.catalog.ItemSecrecy.Decision;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Page;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * 密级到期审查 (docs/adr/0064): the items whose 保密期限 has passed today, and the checked decision on one
 * — 解密, 降密 or 维持 with a reason; 维持 (and 降密 while the new level is above 公开) names the new day
 * the period runs to, which must lie after today. The catalogue applies it with its audit entry and event.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecrecySettings.class)
class SecrecyReview {

    private final ItemSecrecy secrecy;
    private final SecrecySettings settings;
    private final ReadableTime time;

    SecrecyReview(ItemSecrecy secrecy, SecrecySettings settings, ReadableTime time) {
        this.secrecy = secrecy;
        this.settings = settings;
        this.time = time;
    }

    /** A decision as submitted. */
    record Submitted(@Nullable Decision decision, @Nullable LocalDate until, @Nullable String reason) {}

    Page<ItemSecrecy.Due> due(Access access, int page, int size) {
        var p = Bounds.page(page, size);
        return secrecy.due(time.today(), settings.years(), access.scope(), p.page(), p.size());
    }

    ItemSecrecy.Change decide(UUID itemId, Submitted s, Access access) {
        var v = new ArrayList<Violation>();
        if (s.decision() == null) {
            v.add(Violation.of("decision", "required"));
        }
        if (s.reason() == null || s.reason().isBlank()) {
            v.add(Violation.of("reason", "required"));
        } else {
            Bounds.text("reason", s.reason(), 500).ifPresent(v::add);
        }
        if (s.decision() == Decision.KEEP && s.until() == null) {
            v.add(Violation.of("until", "required"));
        }
        if (s.until() != null && !s.until().isAfter(time.today())) {
            v.add(Violation.of("until", "secrecyUntilAfterToday"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return secrecy.decide(itemId, s.decision(), s.until(), s.reason().strip(), access);
    }
}
