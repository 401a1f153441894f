package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.Samples;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The disposition walk with the replica as a second OCFL root on disk; and the hold walk (issue 16, "must
 * show" 3, end to end over HTTP): a hold (冻结) on a person refuses a correction, a transfer export, a 销毁
 * decision in an appraisal batch and the destruction of an approved, filed batch — each 409 naming the hold —
 * and after release each succeeds.
 */
class DispositionWalkIT extends DispositionWalkContract {

    static final Path DATA = ReplicatedPlatforms.tempDir("siarchive-walk-disk-");
    static final Path REPLICA = ReplicatedPlatforms.tempDir("siarchive-walk-replica-");

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        ReplicatedPlatforms.common(registry, DATA);
        ReplicatedPlatforms.diskReplica(registry, REPLICA);
    }

    @Override
    Path replicaBytes() {
        return REPLICA;
    }

    @Test
    void aHoldOnAPersonRefusesEachGuardedOperationUntilReleased() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var people = RoleSessions.create(accounts, organisations.root().id(), "h" + run);
        String cert = Samples.citizenId(1958);
        var item = capture("2011-09-09", cert, "冻结" + run, "held content " + run);
        var walk = new DispositionWalk(port, people);

        String hold = walk.holdPerson(cert);
        refusedNaming(walk.correct(item, "生育保险待遇核定表（更正）"), hold);
        refusedNaming(walk.transferOut(item), hold);
        long batch = walk.startBatch("冻结期间鉴定" + run, List.of(item.id()));
        refusedNaming(walk.decideAll(batch), hold);
        walk.release(hold);

        assertThat(walk.correct(item, "生育保险待遇核定表（更正）").status()).isEqualTo(200);
        assertThat(walk.transferOut(item).status()).isEqualTo(200);
        walk.decide(batch, null);
        walk.groupOpinions(batch);
        walk.completeAppraisal(batch);
        walk.approve(batch);
        walk.file(walk.generateList(batch));

        String second = walk.holdPerson(cert);
        refusedNaming(walk.destroyRefusedByRule(batch), second);
        assertThat(retentionStatus(item.id()))
                .as("nothing destroyed while held")
                .isEqualTo("PRESERVED");
        walk.release(second);
        walk.destroy(batch);
        assertThat(retentionStatus(item.id())).isEqualTo("DESTROYED");
    }

    private static void refusedNaming(ConsoleSession.Page page, String holdNo) {
        assertThat(page.status()).as(page.body()).isEqualTo(409);
        assertThat(page.body()).contains(holdNo);
    }

    private String retentionStatus(java.util.UUID id) {
        return jdbc.sql("select status from item where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
