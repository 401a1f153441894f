package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.siarchive.comparison.WarningState.Change;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Violation;

/** The warning's state machine: 核查中 → 已确认 / 已排除 → 已结案, and nothing else. */
class WarningStateTest {

    @Test
    void decisionsOnlyFromChecking() {
        assertThat(WarningState.CHECKING.after(Change.CONFIRM)).isEqualTo(WarningState.CONFIRMED);
        assertThat(WarningState.CHECKING.after(Change.EXCLUDE)).isEqualTo(WarningState.EXCLUDED);
        for (var s : new WarningState[] {WarningState.CONFIRMED, WarningState.EXCLUDED, WarningState.CLOSED}) {
            assertThatThrownBy(() -> s.after(Change.CONFIRM))
                    .isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).messageKey())
                    .isEqualTo("warning.conflict." + s.name());
            assertThatThrownBy(() -> s.after(Change.EXCLUDE)).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void closingOnlyAfterADecision() {
        assertThat(WarningState.CONFIRMED.after(Change.CLOSE)).isEqualTo(WarningState.CLOSED);
        assertThat(WarningState.EXCLUDED.after(Change.CLOSE)).isEqualTo(WarningState.CLOSED);
        assertThatThrownBy(() -> WarningState.CHECKING.after(Change.CLOSE))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).messageKey())
                .isEqualTo("warning.conflict.CHECKING");
        assertThatThrownBy(() -> WarningState.CLOSED.after(Change.CLOSE)).isInstanceOf(ConflictException.class);
    }

    @Test
    void takingAndRoutingKeepTheStateUntilClosed() {
        for (var s : new WarningState[] {WarningState.CHECKING, WarningState.CONFIRMED, WarningState.EXCLUDED}) {
            assertThat(s.after(Change.TAKE)).isEqualTo(s);
            assertThat(s.after(Change.ASSIGN)).isEqualTo(s);
            assertThat(s.open()).isTrue();
        }
        assertThat(WarningState.CLOSED.open()).isFalse();
        assertThatThrownBy(() -> WarningState.CLOSED.after(Change.TAKE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> WarningState.CLOSED.after(Change.ASSIGN)).isInstanceOf(ConflictException.class);
    }

    @Test
    void everyStateAndActionHasALabelKey() {
        assertThat(WarningState.CHECKING.labelKey()).isEqualTo("warning.state.CHECKING");
        assertThat(PaymentAction.STOP.labelKey()).isEqualTo("payment.action.STOP");
        assertThat(PaymentAction.NONE.instructs()).isFalse();
        assertThat(PaymentAction.SUSPEND.instructs()).isTrue();
    }

    @Test
    void confirmationFieldsAreBounded() {
        var v = new ArrayList<Violation>();
        WarningDecisions.action(null, v);
        WarningDecisions.amount(new BigDecimal("-1"), v);
        WarningDecisions.text("finding", " x ", v);
        assertThat(v).extracting(Violation::field).containsExactly("paymentAction", "amountToRecover", "finding");
        v.clear();
        WarningDecisions.action("PAUSE", v);
        WarningDecisions.amount(new BigDecimal("100000000.00"), v);
        WarningDecisions.amount(new BigDecimal("1.005"), v);
        WarningDecisions.text("reason", "x".repeat(1001), v);
        assertThat(v).extracting(Violation::rule).containsExactly("code", "range", "range", "maxLength");
        v.clear();
        assertThat(WarningDecisions.action("SUSPEND", v)).isEqualTo(PaymentAction.SUSPEND);
        assertThat(WarningDecisions.amount(new BigDecimal("0"), v)).isEqualByComparingTo("0.00");
        assertThat(WarningDecisions.text("finding", " 已核实 ", v)).isEqualTo("已核实");
        assertThat(v).isEmpty();
    }
}
