package org.siarchive.portal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.OwnItems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * What a person is not shown of their own archive (docs/adr/0103), as configuration: items whose 密级 (code table
 * MJ: 1 公开, 2 内部 — the default of captured business material —, 3 敏感) is above {@code max-security-level}
 * (by default 2: a person's own 内部 records are theirs to see, 敏感 ones only at the counter), and business
 * steps and material categories kept internal — by
 * default 稽核 (JHCL), 数据比对预警核查 (JHYJ) and the whole category 09 社会保险稽核监管类. Withheld items are
 * neither listed nor found by id, and no extract lists them.
 */
@ConfigurationProperties("siarchive.portal.withheld")
record PortalWithholding(
        @Nullable Integer maxSecurityLevel, @Nullable List<String> steps, @Nullable List<String> categories) {

    PortalWithholding {
        maxSecurityLevel = maxSecurityLevel == null ? 2 : maxSecurityLevel;
        steps = steps == null ? List.of("JHCL", "JHYJ") : List.copyOf(steps);
        categories = categories == null ? List.of("09") : List.copyOf(categories);
    }

    OwnItems.Withholding rule() {
        return new OwnItems.Withholding(
                java.util.Objects.requireNonNull(maxSecurityLevel),
                java.util.Objects.requireNonNull(steps),
                java.util.Objects.requireNonNull(categories));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PortalWithholding.class)
    static class Registration {}
}
