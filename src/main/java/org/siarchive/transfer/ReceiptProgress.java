package org.siarchive.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The live progress of receipts that run inside an upload request (issue 14): the form posts a token it
 * got with the page, the page polls {@code /transfers/receipts/{token}/progress} while the request runs.
 * Kept in memory only, keyed by account and token, at most {@link #MAX} entries, each forgotten
 * {@link #KEEP} after its last change: progress is shown, never relied on; the receipt's own guarantees
 * (nothing half-written, audited) are the receipt's. {@code siarchive.transfer.receipt-pace} slows each
 * step (tests only; zero by default).
 */
@Component
class ReceiptProgress {

    static final int MAX = 500;
    static final Duration KEEP = Duration.ofMinutes(30);

    /** Where a receipt is: the upload still arriving, the package checked, items received, the end. */
    enum Stage {
        UPLOADING,
        STRUCTURE,
        CHECKING,
        RECEIVING,
        DONE,
        REFUSED
    }

    /** One receipt's state; {@code done} of {@code total} records checked or received. */
    record State(Stage stage, int done, int total, @Nullable Long receiptId, Instant updated) {

        public boolean running() {
            return stage != Stage.DONE && stage != Stage.REFUSED;
        }

        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100L / total);
        }
    }

    /** What a receipt reports as it goes. */
    interface Tracker {
        Tracker NONE = (stage, done, total) -> {};

        void at(Stage stage, int done, int total);

        default void done(long receiptId, int items) {}

        default void refused() {}
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile Duration pace;

    ReceiptProgress(@Value("${siarchive.transfer.receipt-pace:0s}") Duration pace) {
        this.pace = pace;
    }

    /** Test hook: how long each step waits, so a poll can watch the counts advance. */
    void pace(Duration pace) {
        this.pace = pace;
    }

    /** A tracker for the account's token; no tracker (nothing recorded) without a well-formed token. */
    Tracker start(String account, @Nullable String token) {
        if (token == null || !wellFormed(token)) {
            return Tracker.NONE;
        }
        String key = key(account, token);
        put(key, new State(Stage.STRUCTURE, 0, 0, null, Instant.now()));
        return new Tracker() {
            @Override
            public void at(Stage stage, int done, int total) {
                put(key, new State(stage, done, total, null, Instant.now()));
                if (!pace.isZero() && (stage == Stage.CHECKING || stage == Stage.RECEIVING)) {
                    sleep();
                }
            }

            @Override
            public void done(long receiptId, int items) {
                put(key, new State(Stage.DONE, items, items, receiptId, Instant.now()));
            }

            @Override
            public void refused() {
                var s = states.get(key);
                put(
                        key,
                        new State(
                                Stage.REFUSED,
                                s == null ? 0 : s.done(),
                                s == null ? 0 : s.total(),
                                null,
                                Instant.now()));
            }
        };
    }

    /** The state of the account's token; before the receipt starts (the upload still arriving) UPLOADING. */
    State of(String account, String token) {
        var s = wellFormed(token) ? states.get(key(account, token)) : null;
        return s != null && s.updated().isAfter(Instant.now().minus(KEEP))
                ? s
                : new State(Stage.UPLOADING, 0, 0, null, Instant.now());
    }

    private void put(String key, State state) {
        states.put(key, state);
        if (states.size() > MAX) {
            var old = Instant.now().minus(KEEP);
            states.entrySet().removeIf(e -> e.getValue().updated().isBefore(old));
            while (states.size() > MAX) {
                states.entrySet().stream()
                        .min(Comparator.comparing(e -> e.getValue().updated()))
                        .ifPresent(e -> states.remove(e.getKey()));
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String account, String token) {
        return account + "\u0000" + token;
    }

    private static boolean wellFormed(String token) {
        try {
            return UUID.fromString(token).toString().equals(token.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
