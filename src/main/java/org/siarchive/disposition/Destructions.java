package org.siarchive.disposition;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.siarchive.security.CoSignatures;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * Supervised destruction (监销) of an approved appraisal batch's 销毁 items (issue 16 item 4): the executor
 * names method and place, two supervisors confirm on the executor's screen with their login, password and
 * current TOTP code; then the intent is recorded and completed (docs/adr/0068). Order of the refusals: bad
 * input 422, batch not visible 404, a broken rule 409 (before any supervisor's code is spent), a supervisor
 * who may not confirm 403 — and nothing is written by any of them.
 */
@Component
public class Destructions {

    /** A 监销人 as typed on the executor's screen. */
    public record Supervisor(@Nullable String login, @Nullable String password, @Nullable String code) {}

    /** The destruction form: 销毁方式, 地点, two 监销人. */
    public record Request(
            @Nullable String method,
            @Nullable String place,
            @Nullable Supervisor supervisor1,
            @Nullable Supervisor supervisor2) {}

    private final DestructionChecks checks;
    private final CoSignatures coSignatures;
    private final DestructionIntent intent;
    private final DestructionEngine engine;

    Destructions(
            DestructionChecks checks, CoSignatures coSignatures, DestructionIntent intent, DestructionEngine engine) {
        this.checks = checks;
        this.coSignatures = coSignatures;
        this.intent = intent;
        this.engine = engine;
    }

    /** A completed destruction: its id and the time its steps took. */
    public record Executed(long destructionId, DestructionTimings timings) {}

    /** Executes the batch's destruction; answers once every item is tombstoned. */
    public Executed execute(long batchId, Request r, Access access) {
        validate(r);
        var batch = checks.batchInScope(batchId, access.scope());
        if (!access.can(Permission.DISPOSITION_EXECUTE)) {
            throw new ForbiddenException("disposition.destruction.notExecutor");
        }
        checks.verify(batch);
        String executor = access.actor().name();
        var s1 = r.supervisor1();
        var s2 = r.supervisor2();
        if (s1.login().strip().equals(executor)) {
            throw new ForbiddenException("disposition.destruction.supervisorIsExecutor", 1);
        }
        if (s2.login().strip().equals(executor)) {
            throw new ForbiddenException("disposition.destruction.supervisorIsExecutor", 2);
        }
        if (s1.login().strip().equals(s2.login().strip())) {
            throw new ForbiddenException("disposition.destruction.sameSupervisor", 2);
        }
        confirm(s1, 1, access);
        confirm(s2, 2, access);
        long id = intent.record(
                batchId,
                new DestructionIntent.Execution(
                        r.method().strip(),
                        r.place().strip(),
                        executor,
                        s1.login().strip(),
                        s2.login().strip()),
                access.actor());
        return new Executed(id, engine.complete(id, access.actor()));
    }

    private void confirm(Supervisor s, int which, Access access) {
        var c = coSignatures.verify(
                s.login(), s.password(), s.code(), Permission.DISPOSITION_SUPERVISE, access.actor());
        if (!c.confirmed()) {
            throw new ForbiddenException(
                    "disposition.destruction.supervisor." + c.outcome().name(), which);
        }
    }

    private static void validate(Request r) {
        var v = new ArrayList<Violation>();
        text(v, "method", r.method(), 100);
        text(v, "place", r.place(), 200);
        supervisor(v, "supervisor1", r.supervisor1());
        supervisor(v, "supervisor2", r.supervisor2());
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static void supervisor(ArrayList<Violation> v, String field, @Nullable Supervisor s) {
        if (s == null) {
            v.add(Violation.of(field, "required"));
            return;
        }
        text(v, field + ".login", s.login(), 64);
        text(v, field + ".password", s.password(), 128);
        text(v, field + ".code", s.code(), 6);
    }

    private static void text(ArrayList<Violation> v, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(Violation.of(field, "required"));
        } else if (value.strip().length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        }
    }
}
