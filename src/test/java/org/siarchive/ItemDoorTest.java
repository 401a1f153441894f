package org.siarchive;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditOperation;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.catalog.ItemState;
import org.siarchive.support.ProductionClasses;

/**
 * One door for "may this be done to these items?" (docs/adr/0071): no write of a guarded operation goes
 * around {@link ItemGuards#check}. The writes are recognised by what the codebase requires of them — the
 * audit entry written in the same method and transaction (CORRECT, TRANSFER_EXPORT) — and the method doing
 * so must itself ask the door with the matching {@link GuardedOperation}. Appraisal for destruction and
 * destruction have named doors (the decision, and the destruction's recorded intent); the tombstone write
 * has one caller, the step completing a checked destruction. Every guarded operation must be asked somewhere.
 */
class ItemDoorTest {

    private static final JavaClasses CLASSES = ProductionClasses.get();

    /** A marker of a guarded write: the field (enum constant) a method touches, and the operation it needs. */
    record Marker(Class<?> owner, String constant, GuardedOperation operation) {}

    static final List<Marker> MARKERS = List.of(
            new Marker(AuditOperation.class, AuditOperation.CORRECT.name(), GuardedOperation.CORRECT),
            new Marker(AuditOperation.class, AuditOperation.TRANSFER_EXPORT.name(), GuardedOperation.TRANSFER_OUT));

    /** Doors not recognisable by a marker: the method and the operation it must ask for. */
    static final Map<String, GuardedOperation> NAMED_DOORS = Map.of(
            "org.siarchive.catalog.Renditions.addPages", GuardedOperation.CORRECT,
            "org.siarchive.capture.ItemCorrections.correct", GuardedOperation.CORRECT,
            "org.siarchive.disposition.AppraisalWork.decide", GuardedOperation.APPRAISE_FOR_DESTRUCTION,
            "org.siarchive.disposition.DestructionChecks.verify", GuardedOperation.DESTROY);

    /**
     * Operations whose door is another part's work (appraisal, destruction of issue 16); while listed, no
     * main code asks for them — once it does, this test fails until the entry is removed here.
     */
    static final Set<GuardedOperation> PENDING = EnumSet.noneOf(GuardedOperation.class);

    /**
     * Destruction's door is its recorded intent: content is purged only for items the intent checked
     * (DestructionChecks.verify, which asks DESTROY), and the tombstone is written only by the step that
     * completes such a destruction. So the catalogue's tombstone write has exactly that one caller, and the
     * intent's writer calls the check.
     */
    @Test
    void onlyACheckedDestructionTombstonesAnItem() {
        var callers = CLASSES.get("org.siarchive.catalog.ItemTombstones").getMethods().stream()
                .filter(m -> m.getName().equals("tombstone"))
                .flatMap(m -> m.getCallsOfSelf().stream())
                .map(c -> c.getOrigin().getFullName())
                .distinct()
                .toList();
        assertThat(callers).singleElement().asString().startsWith("org.siarchive.disposition.DestructionSteps.");
        var intent = CLASSES.get("org.siarchive.disposition.DestructionIntent").getMethods().stream()
                .filter(m -> m.getName().equals("record"))
                .toList();
        assertThat(intent).isNotEmpty();
        assertThat(intent.stream().allMatch(m -> m.getMethodCallsFromSelf().stream()
                        .anyMatch(c ->
                                c.getTarget().getOwner().getName().equals("org.siarchive.disposition.DestructionChecks")
                                        && c.getTarget().getName().equals("verify"))))
                .isTrue();
    }

    @Test
    void everyMethodWritingAGuardedOperationAsksTheDoorFirst() {
        var offenders = new ArrayList<String>();
        for (var type : CLASSES) {
            if (type.isEquivalentTo(ItemState.class) || type.isEquivalentTo(AuditOperation.class)) {
                continue; // the constants' own declarations and transitions
            }
            for (var method : type.getMethods()) {
                for (var marker : MARKERS) {
                    if (touches(method, marker) && !readsTheTrailOnly(method) && !asks(method, marker.operation())) {
                        offenders.add(method.getFullName() + " writes " + marker.constant() + " without "
                                + "ItemGuards.check(…, " + marker.operation() + ")");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theNamedDoorsAskForTheirOperation() {
        NAMED_DOORS.forEach((name, op) -> {
            int dot = name.lastIndexOf('.');
            var methods = CLASSES.get(name.substring(0, dot)).getMethods().stream()
                    .filter(m -> m.getName().equals(name.substring(dot + 1)))
                    .toList();
            assertThat(methods).as(name).isNotEmpty();
            assertThat(methods.stream().anyMatch(m -> asks(m, op)))
                    .as(name + " asks " + op)
                    .isTrue();
        });
    }

    @Test
    void everyGuardedOperationIsAskedForByItsDoorOrIsStillPending() {
        for (var op : GuardedOperation.values()) {
            boolean asked = CLASSES.stream()
                    .flatMap(t -> Stream.concat(t.getMethods().stream(), t.getConstructors().stream()))
                    .anyMatch(m -> asks(m, op));
            assertThat(asked)
                    .as(op
                            + (PENDING.contains(op)
                                    ? " is pending: remove it from PENDING now that it is asked"
                                    : " is asked for by no door"))
                    .isEqualTo(!PENDING.contains(op));
        }
    }

    private static boolean touches(JavaCodeUnit unit, Marker marker) {
        return unit.getFieldAccesses().stream()
                .anyMatch(a -> a.getTarget().getOwner().isEquivalentTo(marker.owner())
                        && a.getTarget().getName().equals(marker.constant()));
    }

    /**
     * Names the constant only to look entries up in the audit trail and writes none (e.g. counting the items
     * transferred in a year for the annual report): a reader, not a door to guard.
     */
    private static boolean readsTheTrailOnly(JavaCodeUnit unit) {
        var trail = unit.getMethodCallsFromSelf().stream()
                .filter(c -> c.getTarget().getOwner().getName().equals("org.siarchive.audit.AuditTrail"))
                .map(c -> c.getTarget().getName())
                .toList();
        return !trail.isEmpty() && trail.stream().noneMatch(name -> name.startsWith("record"));
    }

    /** Calls ItemGuards.check and names the operation (the constant is read in the same method). */
    private static boolean asks(JavaCodeUnit unit, GuardedOperation op) {
        boolean calls = unit.getMethodCallsFromSelf().stream()
                .anyMatch(c -> c.getTarget().getOwner().isEquivalentTo(ItemGuards.class)
                        && c.getTarget().getName().equals("check"));
        boolean names = unit.getFieldAccesses().stream()
                .anyMatch(a -> a.getTarget().getOwner().isEquivalentTo(GuardedOperation.class)
                        && a.getTarget().getName().equals(op.name()));
        return calls && names;
    }
}
