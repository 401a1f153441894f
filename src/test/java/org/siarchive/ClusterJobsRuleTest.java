package org.siarchive;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.NodeLocal;
import org.siarchive.support.ProductionClasses;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Several nodes run the same jar (issue 21, docs/adr/0138): every scheduled method either runs once in the cluster
 * under its lock row ({@code @SchedulerLock}) or says why it is each node's own business ({@code @NodeLocal}) — never
 * neither, never both. A locked method returns nothing: a skipped call returns null, which no primitive can hold.
 */
class ClusterJobsRuleTest {

    private static final List<JavaMethod> SCHEDULED = ProductionClasses.get().stream()
            .flatMap(c -> c.getMethods().stream())
            .filter(m -> m.isAnnotatedWith(Scheduled.class))
            .toList();

    @Test
    void everyScheduledMethodIsLockedOrNodeLocal() {
        assertThat(SCHEDULED).hasSizeGreaterThan(20);
        assertThat(SCHEDULED)
                .filteredOn(m -> m.isAnnotatedWith(SchedulerLock.class) == m.isAnnotatedWith(NodeLocal.class))
                .extracting(JavaMethod::getFullName)
                .as("scheduled methods without exactly one of @SchedulerLock and @NodeLocal")
                .isEmpty();
    }

    @Test
    void aLockedMethodReturnsNothing() {
        assertThat(SCHEDULED)
                .filteredOn(m -> m.isAnnotatedWith(SchedulerLock.class))
                .filteredOn(m -> !m.getRawReturnType().getName().equals("void"))
                .extracting(JavaMethod::getFullName)
                .isEmpty();
    }

    @Test
    void lockNamesAreUnique() {
        var names = SCHEDULED.stream()
                .filter(m -> m.isAnnotatedWith(SchedulerLock.class))
                .map(m -> m.getAnnotationOfType(SchedulerLock.class).name())
                .toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.length() <= 64);
    }
}
