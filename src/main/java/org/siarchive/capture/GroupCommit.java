package org.siarchive.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Group commit of prepared captures (docs/adr/0112), leader/follower: a caller queues its captures; if no
 * group is being committed it leads, taking everything queued (up to {@code max-group-items}) as one group,
 * otherwise it waits while the current group commits and its captures join the next. Each caller waits for
 * its own captures' outcomes. A group is made durable as one: {@link GroupSteps}.
 */
@Component
class GroupCommit implements DisposableBean {

    /** What became of one prepared capture. */
    sealed interface Outcome {

        /** Registered and preserved: the acknowledged item. */
        record Done(ItemRecord item) implements Outcome {}

        /** Its key was taken by another capture meanwhile: the earlier item, to be replayed or refused. */
        record Earlier(ItemRecord item) implements Outcome {}

        /** Not acknowledged; a registered item is finished by start-up reconciliation. */
        record Failed(RuntimeException error) implements Outcome {}

        /** The answer the single capture path gives for this outcome. */
        default CaptureResult result(Captures captures, PreparedCapture p, Scope seen) {
            if (this instanceof Done d) {
                return new CaptureResult(d.item(), false);
            }
            if (this instanceof Earlier e) {
                return captures.replay(e.item(), p.fingerprint(), seen);
            }
            throw ((Failed) this).error();
        }
    }

    /** One capture waiting in the queue, and what became of it. */
    static final class Request {
        final PreparedCapture prepared;
        final Actor actor;

        @Nullable
        ItemRecord registered;

        int version;

        @Nullable
        Outcome outcome;

        Request(PreparedCapture prepared, Actor actor) {
            this.prepared = prepared;
            this.actor = actor;
        }
    }

    private final GroupSteps steps;
    private final BatchSettings settings;
    private final ExecutorService writers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private boolean leading;

    GroupCommit(GroupSteps steps, BatchSettings settings) {
        this.steps = steps;
        this.settings = settings;
        this.writers = Executors.newFixedThreadPool(settings.writers(), r -> {
            var t = new Thread(r, "group-commit-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Whether a single capture goes through the group commit now (siarchive.capture.batch.group-singles, ADR 0121):
     * only when the setting allows it and a group is forming — one being committed or captures queued for the next.
     * Otherwise the single commits alone at once: on 2 cores a group of singles saved less than the wait for it.
     * The answer may be stale by the time the single commits; either path gives the same guarantees.
     */
    boolean forSingles() {
        if (!settings.singlesShareGroups()) {
            return false;
        }
        lock.lock();
        try {
            return leading || !queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Commits the captures (with others queued meanwhile) and returns their outcomes, in order. */
    List<Outcome> commit(List<PreparedCapture> captures, Actor actor) {
        var mine = captures.stream().map(p -> new Request(p, actor)).toList();
        lock.lock();
        try {
            queue.addAll(mine);
            while (mine.stream().anyMatch(r -> r.outcome == null)) {
                if (leading) {
                    committed.awaitUninterruptibly();
                    continue;
                }
                leading = true;
                var group = drain();
                lock.unlock();
                try {
                    steps.run(group, this::writeAll);
                } finally {
                    // even after an Error: no caller may wait for a group that is gone
                    group.stream()
                            .filter(r -> r.outcome == null)
                            .forEach(r ->
                                    r.outcome = new Outcome.Failed(new IllegalStateException("group commit failed")));
                    lock.lock();
                    leading = false;
                    committed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.stream().map(r -> (Outcome) r.outcome).toList();
    }

    private List<Request> drain() {
        var group = new ArrayList<Request>();
        while (!queue.isEmpty() && group.size() < settings.maxGroupItems()) {
            group.add(queue.poll());
        }
        return group;
    }

    /** Writes the registered items' object versions, {@code writers} at a time; a failed write fails its item. */
    private void writeAll(List<Request> registered) {
        var futures = new ArrayList<Future<?>>();
        for (var r : registered) {
            futures.add(writers.submit(() -> steps.write(r)));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                registered.get(i).outcome = new Outcome.Failed(new IllegalStateException(e));
            } catch (java.util.concurrent.ExecutionException e) {
                registered.get(i).outcome = new Outcome.Failed(
                        e.getCause() instanceof RuntimeException x ? x : new IllegalStateException(e.getCause()));
            }
        }
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }
}
