package org.siarchive.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one run found, collected as it goes: per enabled check item how many records passed, which
 * failed and why, or why the item could not be checked at all. Not thread-safe: merge per-thread
 * collections with {@link #addAll}.
 */
public final class Findings {

    /** One record that failed one check item. */
    public record Failure(String code, @Nullable UUID itemId, String record, String detail) {}

    private final Stage stage;
    private final Set<String> enabled;
    private final Map<String, Integer> passed = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, String> notChecked = new LinkedHashMap<>();
    private int records;

    Findings(Stage stage, Set<String> enabled) {
        this.stage = stage;
        this.enabled = Set.copyOf(enabled);
    }

    /** An empty collection for another run of the same stage with the same items enabled. */
    Findings fresh() {
        return new Findings(stage, enabled);
    }

    public Stage stage() {
        return stage;
    }

    public boolean enabled(String code) {
        return enabled.contains(code);
    }

    public void record() {
        records++;
    }

    public void pass(String code) {
        if (enabled(code)) {
            passed.merge(code, 1, Integer::sum);
        }
    }

    public void fail(String code, @Nullable UUID itemId, String record, String detail) {
        if (enabled(code)) {
            failures.add(new Failure(code, itemId, record, detail));
        }
    }

    /** Passes when {@code failure} is null, otherwise fails with it as the detail. */
    public void check(String code, @Nullable UUID itemId, String record, @Nullable String failure) {
        if (failure == null) {
            pass(code);
        } else {
            fail(code, itemId, record, failure);
        }
    }

    public void notChecked(String code, String reason) {
        if (enabled(code)) {
            notChecked.put(code, reason);
        }
    }

    /** A fresh, empty collection with the same enabled items (for one worker thread). */
    public Findings fork() {
        return new Findings(stage, enabled);
    }

    public void addAll(Findings other) {
        other.passed.forEach((k, v) -> passed.merge(k, v, Integer::sum));
        failures.addAll(other.failures);
        notChecked.putAll(other.notChecked);
        records += other.records;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    int records() {
        return records;
    }

    int passed(String code) {
        return passed.getOrDefault(code, 0);
    }

    @Nullable
    String notCheckedReason(String code) {
        return notChecked.get(code);
    }

    Set<String> enabledCodes() {
        return enabled;
    }
}
