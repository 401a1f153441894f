package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.checks.FourPropertyChecks;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transfer and receipt on the real stack: EEP and folder packages round-trip with identical digests and
 * a handover record; a package altered after signing, one whose content file is missing, and one
 * carrying a DTD are refused, naming the failed YJ check item and the record, and nothing is received.
 */
class TransferIT extends IntegrationTest {

    static final Access ARCHIVIST =
            new Access(new Actor("transfer-archivist", "ROOT", "127.0.0.1", "junit"), Scope.EVERYTHING, Set.of());

    @Autowired
    TransferPackages packages;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    FourPropertyChecks checks;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    static List<UUID> items;

    private List<UUID> twoItems() {
        if (items == null) {
            catalog.ensureFonds(
                    "0009", "接收测试全宗", "接收测试社保中心", organisations.root().id(), Actor.SYSTEM);
            var out = new java.util.ArrayList<UUID>();
            for (int n = 1; n <= 2; n++) {
                var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960 + n), "移交" + n);
                out.add(captures.capture(
                                s,
                                List.of(
                                        Upload.ofBytes("a.png", Samples.png(9100 + n)),
                                        Upload.ofBytes("b.pdf", Samples.pdf("transfer " + n))),
                                null,
                                Actor.SYSTEM)
                        .item()
                        .id());
            }
            items = out;
        }
        return items;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
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

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void assertSameContent(ItemRecord original, ItemRecord received) {
        assertThat(received.files()).hasSameSizeAs(original.files());
        for (int i = 0; i < original.files().size(); i++) {
            var a = original.files().get(i);
            var b = received.files().get(i);
            assertThat(b.sm3()).isEqualTo(a.sm3());
            assertThat(b.sha256()).isEqualTo(a.sha256());
            assertThat(b.sizeBytes()).isEqualTo(a.sizeBytes());
            assertThat(b.materialCode()).isEqualTo(a.materialCode());
        }
        assertThat(received.title()).isEqualTo(original.title());
        assertThat(received.acceptanceNo()).isEqualTo(original.acceptanceNo());
        assertThat(received.certNo()).isEqualTo(original.certNo());
        assertThat(received.handledAt().toInstant())
                .isEqualTo(original.handledAt().toInstant());
        assertThat(received.archiveCode()).startsWith("0009-");
    }

    @Test
    void eepAndFolderPackagesRoundTripWithIdenticalDigestsAndAHandoverRecord() throws Exception {
        var ids = twoItems();
        for (var format : TransferPackages.Format.values()) {
            var exported = packages.export(ids, format, ARCHIVIST);
            var entries = unzip(exported.file());
            if (format == TransferPackages.Format.EEP) {
                String eep = new String(entries.get("eep/0001.xml"), StandardCharsets.UTF_8);
                assertThat(eep)
                        .contains("<电子文件封装包 xmlns=\"http://www.saac.gov.cn/standards/ERM/encapsulation\">")
                        .contains("<版本>2009</版本>", "<被签名对象 eep版本=\"2009\">", "<反编码关键字>base64</反编码关键字>")
                        .contains("<签名算法标识>SM3withSM2</签名算法标识>", "<锁定签名>", "<业务实体块>", "<机构人员实体块>");
            } else {
                assertThat(entries).containsKeys("manifest.xml", "digests.sm3", "metadata/0001.xml");
                assertThat(entries.keySet()).anyMatch(k -> k.startsWith("content/0002/"));
            }
            var receipt = packages.receive(
                    exported.file(),
                    "package." + format,
                    // a round trip within one platform holds every record already: received on purpose
                    new TransferPackages.Handover(
                            "0009", "移交人张三", "监交人李四", TransferPackages.OnDuplicates.KEEP, "往返测试，同一平台导出再接收"),
                    ARCHIVIST);
            assertThat(receipt.items()).isEqualTo(2);
            assertThat(receipt.bytes()).isEqualTo(exported.contentBytes());
            assertThat(receipt.witness()).isEqualTo("监交人李四");
            assertThat(checks.report(receipt.checkRunId(), org.siarchive.shared.Access.SYSTEM)
                            .passed())
                    .isTrue();
            for (int i = 0; i < 2; i++) {
                var original = catalog.requireItem(ids.get(i));
                var received = catalog.requireItem(receipt.received().get(i).itemId());
                assertThat(receipt.received().get(i).sourceCode()).isEqualTo(original.archiveCode());
                assertSameContent(original, received);
            }
            var row = jdbc.sql(
                            "select status || ' ' || items_received || ' ' || handed_over_by || ' ' || received_by from transfer_receipt where id = :id")
                    .param("id", receipt.id())
                    .query(String.class)
                    .single();
            assertThat(row).isEqualTo("ACCEPTED 2 移交人张三 transfer-archivist");
            Files.deleteIfExists(exported.file());
        }
    }

    /** An export past the items one package may hold is refused before anything is read or written. */
    @Test
    void anExportOfMoreItemsThanAPackageHoldsIsRefusedNamingTheField() {
        var many = new java.util.ArrayList<java.util.UUID>();
        for (int i = 0; i <= TransferSettings.DEFAULT_MAX_EXPORT_ITEMS; i++) {
            many.add(new java.util.UUID(7, i)); // no such items: the count is checked first
        }
        assertThatThrownBy(() -> packages.export(many, TransferPackages.Format.FOLDER, ARCHIVIST))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("items");
                            assertThat(v.rule()).isEqualTo("exportTooManyItems");
                            assertThat(v.args()).containsExactly("100000");
                        }));
    }

    @Test
    void aPackageAlteredAfterSigningIsRefusedNamingTheCheckItemAndTheRecord() throws Exception {
        var ids = twoItems();
        var exported = packages.export(ids, TransferPackages.Format.EEP, ARCHIVIST);
        String second = catalog.requireItem(ids.get(1)).archiveCode();
        String first = catalog.requireItem(ids.get(0)).archiveCode();
        var entries = unzip(exported.file());
        String xml = new String(entries.get("eep/0002.xml"), StandardCharsets.UTF_8);
        int at = xml.indexOf("<编码数据>") + "<编码数据>".length() + 40;
        char c = xml.charAt(at);
        String tampered = xml.substring(0, at) + (c == 'A' ? 'B' : 'A') + xml.substring(at + 1);
        entries.put("eep/0002.xml", tampered.getBytes(StandardCharsets.UTF_8));
        long itemsBefore = count("item");

        var api = new ApiClient(port);
        var r = api.multipart(
                "/api/v1/transfers/receipts",
                Map.of("fondsCode", "0009", "handedOverBy", "移交人", "witness", "监交人"),
                "package",
                "tampered.zip",
                zip(entries));

        assertThat(r.status()).isEqualTo(422);
        var messages = StreamSupport.stream(r.json().get("errors").spliterator(), false)
                .map(e -> e.get("message").asString())
                .toList();
        assertThat(messages).anyMatch(m -> m.contains("YJ-2-7") && m.contains(second));
        assertThat(messages).anyMatch(m -> m.contains("YJ-1-1") && m.contains(second));
        assertThat(messages).noneMatch(m -> m.contains(first));
        assertThat(count("item")).isEqualTo(itemsBefore);
        var reason = jdbc.sql("select reason from transfer_receipt where package_name = 'tampered.zip'")
                .query(String.class)
                .single();
        assertThat(reason).contains("YJ-2-7", second);
        Files.deleteIfExists(exported.file());
    }

    @Test
    void aMissingContentFileAndADoctypeAreRefused() throws Exception {
        var ids = twoItems();
        var folder = packages.export(ids.subList(0, 1), TransferPackages.Format.FOLDER, ARCHIVIST);
        var entries = unzip(folder.file());
        String content = entries.keySet().stream()
                .filter(k -> k.startsWith("content/0001/"))
                .findFirst()
                .orElseThrow();
        entries.remove(content);
        Path broken = Files.createTempFile("broken", ".zip");
        Files.write(broken, zip(entries));
        var handover = new TransferPackages.Handover("0009", "甲", "乙");
        assertThatThrownBy(() -> packages.receive(broken, "missing.zip", handover, ARCHIVIST))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .anyMatch(v -> v.args().get(0).equals("YJ-2-7")
                                && v.args().get(2).contains("包中缺少")));

        var eep = packages.export(ids.subList(0, 1), TransferPackages.Format.EEP, ARCHIVIST);
        var e2 = unzip(eep.file());
        String xml = new String(e2.get("eep/0001.xml"), StandardCharsets.UTF_8);
        e2.put(
                "eep/0001.xml",
                xml.replace(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n")
                        .getBytes(StandardCharsets.UTF_8));
        Files.write(broken, zip(e2));
        assertThatThrownBy(() -> packages.receive(broken, "doctype.zip", handover, ARCHIVIST))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .anyMatch(v -> v.args().get(0).equals("YJ-3-1")));

        assertThatThrownBy(() ->
                        packages.receive(broken, "x.zip", new TransferPackages.Handover("0009", "甲", " "), ARCHIVIST))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(v -> v.field())
                        .containsExactly("witness"));
        Files.deleteIfExists(broken);
    }

    @Test
    void refusesAPackageWhoseManifestExpandsLikeAZipBomb() throws Exception {
        // given a package whose manifest.xml is 300 MB of zeros deflated to a few hundred kilobytes
        var bytes = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new java.util.zip.ZipEntry("manifest.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        long itemsBefore = count("item");

        // when it is received
        var r = new ApiClient(port)
                .multipart(
                        "/api/v1/transfers/receipts",
                        Map.of("fondsCode", "0001", "handedOverBy", "移交人", "witness", "监交人"),
                        "package",
                        "bomb.zip",
                        bytes.toByteArray());

        // then reading stops at the expansion bound, and the receipt is refused naming the check and rule
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").toString()).contains("YJ-3-1", "zip.ratio", "manifest.xml");
        assertThat(count("item")).isEqualTo(itemsBefore);
        assertThat(jdbc.sql("select reason from transfer_receipt where package_name = 'bomb.zip'")
                        .query(String.class)
                        .single())
                .contains("YJ-3-1");
    }
}
