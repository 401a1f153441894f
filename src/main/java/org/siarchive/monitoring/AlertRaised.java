package org.siarchive.monitoring;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Published when a monitoring rule raised an alert (after the alert and its audit entry are committed): the
 * security administrator and the auditor are told. Carries no personal data, only what an inbox line needs.
 *
 * @param alertId the alert
 * @param ruleCode the rule that fired (its label is {@code monitoring.rule.name.<code>})
 * @param actor the account or API client the alert is about (a login name, shown as data)
 * @param orgPath the organisation of that account, for scoping ({@code /} when unknown)
 * @param raisedAt when it was raised
 */
public record AlertRaised(UUID alertId, String ruleCode, String actor, String orgPath, OffsetDateTime raisedAt) {}
