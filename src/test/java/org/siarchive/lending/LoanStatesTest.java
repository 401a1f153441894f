package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.siarchive.shared.ConflictException;

/** The states of use requests and physical loans, and the transitions each refuses (ADR 0046). */
class LoanStatesTest {

    @Test
    void aPendingRequestStaysPendingUntilItsLastRequiredApprovalGrantsIt() {
        assertThat(LoanRequestState.PENDING.approve(1, 2, 7)).isEqualTo(LoanRequestState.PENDING);
        assertThat(LoanRequestState.PENDING.approve(2, 2, 7)).isEqualTo(LoanRequestState.APPROVED);
        assertThat(LoanRequestState.PENDING.approve(1, 1, 7)).isEqualTo(LoanRequestState.APPROVED);
        assertThat(LoanRequestState.PENDING.reject(7)).isEqualTo(LoanRequestState.REJECTED);
    }

    @Test
    void onlyAPendingRequestIsDecided() {
        for (var s :
                new LoanRequestState[] {LoanRequestState.APPROVED, LoanRequestState.REJECTED, LoanRequestState.WITHDRAWN
                }) {
            assertThat(s.decidable()).isFalse();
            assertThatThrownBy(() -> s.approve(1, 1, 7)).satisfies(e -> refused(e, "conflict.loanNotPending"));
            assertThatThrownBy(() -> s.reject(7)).satisfies(e -> refused(e, "conflict.loanNotPending"));
        }
    }

    @Test
    void aPendingOrGrantedRequestCanBeWithdrawnAndNothingElse() {
        assertThat(LoanRequestState.PENDING.withdraw(7)).isEqualTo(LoanRequestState.WITHDRAWN);
        assertThat(LoanRequestState.APPROVED.withdraw(7)).isEqualTo(LoanRequestState.WITHDRAWN);
        assertThatThrownBy(() -> LoanRequestState.REJECTED.withdraw(7))
                .satisfies(e -> refused(e, "conflict.loanNotPending"));
        assertThatThrownBy(() -> LoanRequestState.WITHDRAWN.withdraw(7))
                .satisfies(e -> refused(e, "conflict.loanNotPending"));
    }

    @Test
    void aLoanIsPartialUntilEveryOriginalIsBack() {
        assertThat(PhysicalLoanState.OUT.returnBy(1, 3)).isEqualTo(PhysicalLoanState.PARTIAL);
        assertThat(PhysicalLoanState.PARTIAL.returnBy(0, 3)).isEqualTo(PhysicalLoanState.RETURNED);
        assertThat(PhysicalLoanState.OUT.returnBy(0, 3)).isEqualTo(PhysicalLoanState.RETURNED);
        assertThat(PhysicalLoanState.PARTIAL.extend(3)).isEqualTo(PhysicalLoanState.PARTIAL);
    }

    @Test
    void aLoanReturnedInFullIsNeitherReturnedNorExtendedAgain() {
        var returned = PhysicalLoanState.RETURNED;
        assertThat(returned.open()).isFalse();
        assertThatThrownBy(() -> returned.returnBy(0, 3)).satisfies(e -> refused(e, "conflict.loanReturned"));
        assertThatThrownBy(() -> returned.extend(3)).satisfies(e -> refused(e, "conflict.loanReturned"));
    }

    private static void refused(Throwable e, String key) {
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) e).messageKey()).isEqualTo(key);
    }
}
