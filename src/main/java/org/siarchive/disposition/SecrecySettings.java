package org.siarchive.disposition;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default 保密期限 per 密级 in years ({@code siarchive.disposition.secrecy-years.<level>}), counted like a
 * retention term from the year after an item's 年度, for items whose own period was never recorded
 * (docs/adr/0064). Level 1 (公开) has none. Defaults: 内部 (2) 10 years, 敏感 (3) 30 years.
 */
@ConfigurationProperties("siarchive.disposition")
record SecrecySettings(@Nullable Map<Integer, Integer> secrecyYears) {

    SecrecySettings {
        secrecyYears = secrecyYears == null || secrecyYears.isEmpty() ? Map.of(2, 10, 3, 30) : Map.copyOf(secrecyYears);
    }

    Map<Integer, Integer> years() {
        return secrecyYears == null ? Map.of() : secrecyYears;
    }
}
