package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A package whose items are built and signed on several threads (docs/adr/0125) is the package one thread writes: the
 * same entries in the same order with the same bytes, except what differs between any two exports (the SM2 signature
 * values, which are randomised, the signing and packaging times and the package id); every signature verifies, the
 * manifest lists the items in the order asked, and each item has its audit entry.
 */
class ParallelExportIT extends IntegrationTest {

    static final Access ARCHIVIST =
            new Access(new Actor("parallel-export", "ROOT", "127.0.0.1", "junit"), Scope.EVERYTHING, Set.of());

    @Autowired
    PackageExport exports;

    @Autowired
    TransferKey key;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    static List<UUID> items;

    /** Seven items, asked for in an order that is not the order they were captured in. */
    private List<UUID> sevenItems() {
        if (items == null) {
            catalog.ensureFonds(
                    "0019", "并行导出测试全宗", "并行导出测试社保中心", organisations.root().id(), Actor.SYSTEM);
            var out = new ArrayList<UUID>();
            for (int n = 1; n <= 7; n++) {
                var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1950 + n), "并行" + n);
                out.add(captures.capture(
                                s,
                                List.of(
                                        Upload.ofBytes("a.png", Samples.png(9300 + n)),
                                        Upload.ofBytes("b.pdf", Samples.pdf("parallel " + n))),
                                null,
                                Actor.SYSTEM)
                        .item()
                        .id());
            }
            java.util.Collections.reverse(out);
            items = List.copyOf(out);
        }
        return items;
    }

    @Test
    void aPackageBuiltOnFourThreadsHoldsWhatOneThreadWritesInTheSameOrder() throws Exception {
        var ids = sevenItems();
        for (var format : TransferPackages.Format.values()) {
            var one = exports.export(ids, format, ARCHIVIST, n -> {}, 1);
            var four = exports.export(ids, format, ARCHIVIST, n -> {}, 4);
            var a = unzip(one.file());
            var b = unzip(four.file());

            assertThat(b.keySet()).as(format + " entries in order").containsExactlyElementsOf(a.keySet());
            assertThat(four.contentBytes()).isEqualTo(one.contentBytes());
            for (var name : a.keySet()) {
                if (name.startsWith("content/")) {
                    assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
                } else if (!name.equals("digests.sm3")) {
                    assertThat(comparable(b.get(name))).as(name).isEqualTo(comparable(a.get(name)));
                }
            }
            var manifest = Manifest.read(b.get(Manifest.NAME), 1 << 24, key.trusted());
            assertThat(manifest.signatureProblem()).isNull();
            assertThat(manifest.entries())
                    .extracting(Manifest.Entry::archiveCode)
                    .containsExactlyElementsOf(ids.stream()
                            .map(id -> catalog.requireItem(id).archiveCode())
                            .toList());
            for (var entry : manifest.entries()) {
                byte[] xml = b.get(entry.metadataFile());
                assertThat(org.siarchive.crypto.Sm3.hex(org.siarchive.crypto.Sm3.digest(xml)))
                        .isEqualTo(entry.metadataSm3());
                var parsed = EepReader.read(xml, 1 << 24, key.trusted());
                assertThat(parsed.signatureProblem()).as(entry.metadataFile()).isNull();
                assertThat(parsed.lockProblem()).as(entry.metadataFile()).isNull();
                assertThat(parsed.archiveCode()).isEqualTo(entry.archiveCode());
            }
            if (format == TransferPackages.Format.FOLDER) {
                assertDigestLinesMatch(b);
            }
            assertThat(itemAuditEntries(four.packageId())).isEqualTo(ids.size());
            Files.deleteIfExists(one.file());
            Files.deleteIfExists(four.file());
        }
    }

    @Test
    void anItemOutsideTheCallersScopeInALaterChunkRefusesTheWholeExport() {
        var ids = new ArrayList<>(sevenItems());
        ids.add(UUID.randomUUID());
        assertThatThrownBy(() -> exports.export(ids, TransferPackages.Format.FOLDER, ARCHIVIST, n -> {}, 4))
                .isInstanceOf(NotFoundException.class);
    }

    /** Every line of digests.sm3 names an entry of the package and its SM3. */
    private static void assertDigestLinesMatch(Map<String, byte[]> entries) {
        var lines = new String(entries.get("digests.sm3"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(lines).hasSize((int) entries.keySet().stream()
                .filter(k -> k.startsWith("content/") || k.startsWith("metadata/"))
                .count());
        for (var line : lines) {
            String sm3 = line.substring(0, 64);
            String path = line.substring(66);
            assertThat(org.siarchive.crypto.Sm3.hex(org.siarchive.crypto.Sm3.digest(entries.get(path))))
                    .as(path)
                    .isEqualTo(sm3);
        }
    }

    /** The XML without what differs between any two exports of the same items: signatures, times, package id. */
    private static String comparable(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8)
                .replaceAll("<签名结果>[^<]*</签名结果>", "<签名结果/>")
                .replaceAll("<签名时间>[^<]*</签名时间>", "<签名时间/>")
                .replaceAll("<封装包创建时间>[^<]*</封装包创建时间>", "<封装包创建时间/>")
                .replaceAll("<包标识>[^<]*</包标识>", "<包标识/>")
                .replaceAll("<元数据摘要>[^<]*</元数据摘要>", "<元数据摘要/>")
                .replaceAll("<创建时间>[^<]*</创建时间>", "<创建时间/>");
    }

    private long itemAuditEntries(UUID packageId) {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'ITEM' and operation = 'TRANSFER_EXPORT'"
                        + " and detail = :p")
                .param("p", packageId.toString())
                .query(Long.class)
                .single();
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        var out = new LinkedHashMap<String, byte[]>();
        try (var z = new ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }
}
