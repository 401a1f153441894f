package org.siarchive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.disposition.Destructions;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Destroying one approved batch of N items (default 10,000; {@code -Dbench.destroy.items}), each with two
 * small files (a PNG and a one-page PDF). The items are prepared honestly through the capture API (HTTP
 * multipart, 4 clients): catalogue registration, staging, fixity and the durable OCFL write. The batch and
 * its filed 销毁清册 are written into the disposition tables directly. What is measured is the execution
 * (supervisors' checks, intent, purge, tombstones with audit and events, finish), with the time per step.
 * Run with {@code ./mvnw -Pbench test -Dtest=DestructionBenchmark}; writes target/bench/destruction.txt.
 */
@Tag("bench")
class DestructionBenchmark extends IntegrationTest {

    private static final int ITEMS = Integer.getInteger("bench.destroy.items", 10_000);

    @LocalServerPort
    int port;

    @Autowired
    Destructions destructions;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void destroyABatch() throws Exception {
        try (var heap = PeakHeap.watch()) {
            long t0 = System.nanoTime();
            var ids = prepare();
            double prepareS = (System.nanoTime() - t0) / 1e9;
            long batch = batch(ids);
            long root = organisations.root().id();
            String run = Long.toString(System.nanoTime() % 1_000_000);
            var executor = TestAccounts.create(accounts, "bexec" + run, root, Set.of(Role.ARCHIVIST), 3, true);
            var a = TestAccounts.create(accounts, "bsupa" + run, root, Set.of(Role.APPROVER), 3, true);
            var b = TestAccounts.create(accounts, "bsupb" + run, root, Set.of(Role.ARCHIVIST), 3, true);
            var access = new Access(
                    new Actor(executor.username(), "127.0.0.1", "bench"),
                    Scope.EVERYTHING,
                    accounts.permissions(accounts.require(executor.id())));
            var request = new Destructions.Request(
                    "电子数据彻底删除",
                    "机房",
                    new Destructions.Supervisor(
                            a.username(), a.password(), a.codes().get()),
                    new Destructions.Supervisor(
                            b.username(), b.password(), b.codes().get()));
            long t1 = System.nanoTime();
            var done = destructions.execute(batch, request, access);
            double executeS = (System.nanoTime() - t1) / 1e9;
            var t = done.timings();
            var out = new StringBuilder();
            out.append(
                    "destruction of %d items (2 small files each), prepared through the capture API in %.1f s (%.1f items/s)%n"
                            .formatted(ITEMS, prepareS, ITEMS / prepareS));
            out.append(
                    "execution: %.1f s = %.1f items/s (supervisor checks, intent, purge, tombstone + audit + events, finish)%n"
                            .formatted(executeS, ITEMS / executeS));
            out.append(("steps (ms): read %d, primary purge %d, replica purge %d, mark purged %d, tombstone chunks %d,"
                            + " finish %d; intent + supervisors %d%n")
                    .formatted(
                            t.readMs(),
                            t.primaryMs(),
                            t.replicaMs(),
                            t.markMs(),
                            t.tombstoneMs(),
                            t.finishMs(),
                            Math.round(executeS * 1000)
                                    - (t.readMs()
                                            + t.primaryMs()
                                            + t.replicaMs()
                                            + t.markMs()
                                            + t.tombstoneMs()
                                            + t.finishMs())));
            out.append(heap.line()).append('\n');
            System.out.print(out);
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "destruction.txt"), out);
            if (t.items() != ITEMS) {
                throw new AssertionError("destroyed " + t.items() + " of " + ITEMS);
            }
        }
    }

    private List<UUID> prepare() throws Exception {
        var ids = Collections.synchronizedList(new ArrayList<UUID>());
        var pool = Executors.newFixedThreadPool(4);
        var futures = new ArrayList<Future<?>>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                var api = new ApiClient(port);
                for (int i = offset; i < ITEMS; i += 4) {
                    var r = api.capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1950), "基准销毁"),
                            List.of(
                                    new FilePart("a.png", "image/png", Samples.png(i)),
                                    new FilePart("b.pdf", "application/pdf", Samples.pdf("bench " + i))),
                            Map.of());
                    if (r.status() != 201) {
                        throw new IllegalStateException("capture answered " + r.status());
                    }
                    ids.add(UUID.fromString(r.json().get("id").asString()));
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        return ids;
    }

    private long batch(List<UUID> ids) {
        long fonds = jdbc.sql("select id from fonds where code = '0001'")
                .query(Long.class)
                .single();
        long batch = jdbc.sql(
                        """
                insert into appraisal_batch (batch_no, fonds_id, title, state, proposed_by, approved_by, approved_at)
                values (:no, :f, '基准', 'APPROVED', 'bench', 'bench', now()) returning id
                """)
                .param("no", "JDB" + System.nanoTime())
                .param("f", fonds)
                .query(Long.class)
                .single();
        jdbc.sql("update item set retention_code = 'D10', retention_end = '2020-12-31' where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
        jdbc.sql(
                        """
                insert into appraisal_item (batch_id, item_id, archive_code, decision, original_end)
                select :b, id, archive_code, 'DESTROY', '2020-12-31' from item where id = any(:ids)
                """)
                .param("b", batch)
                .param("ids", ids.toArray(UUID[]::new))
                .update();
        jdbc.sql(
                        """
                insert into destruction_list (list_no, batch_id, generated_by, item_count, page_count, filed_on, filing_ref)
                values (:no, :b, 'bench', :n, :n, current_date - 1, '备案')
                """)
                .param("no", "XHB" + System.nanoTime())
                .param("b", batch)
                .param("n", ids.size())
                .update();
        return batch;
    }
}
