package org.siarchive.monitoring;

/** The monitoring rules; each one's name is {@code monitoring.rule.name.<code>}, its meaning {@code ….hint.<code>}. */
public enum RuleCode {
    BULK_READ,
    OFF_HOURS,
    REPEATED_UNMASK,
    NEW_NETWORK,
    FAILED_LOGINS,
    DENIED_BURST,
    API_VOLUME,
    REGISTER_EXPORT;

    public String labelKey() {
        return "monitoring.rule.name." + name();
    }

    public String hintKey() {
        return "monitoring.rule.hint." + name();
    }

    /** The settings a person may change for this rule, besides enabled and severity. */
    public java.util.List<String> fields() {
        return switch (this) {
            case BULK_READ, REPEATED_UNMASK, FAILED_LOGINS, DENIED_BURST ->
                java.util.List.of("threshold", "windowMinutes");
            case OFF_HOURS -> java.util.List.of("workStart", "workEnd");
            case NEW_NETWORK -> java.util.List.of("lookbackDays");
            case API_VOLUME -> java.util.List.of("threshold", "lookbackDays", "deviations");
            case REGISTER_EXPORT -> java.util.List.of("windowMinutes");
        };
    }
}
