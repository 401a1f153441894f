package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RawHttp;
import org.siarchive.support.Samples;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No log line carries a citizen ID number: representative requests that carry ID numbers (capture,
 * person lookup, search, unmask, malformed bodies, a URL holding one) run, and the log output is scanned
 * for any 18-character number whose GB 11643 check character is right.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdNumbersStayOutOfLogsIT extends IntegrationTest {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

    @LocalServerPort
    int port;

    @Test
    void requestsCarryingIdNumbersLeaveNoneInTheLog(CapturedOutput output) {
        var api = new ApiClient(port);
        String cert = Samples.citizenId(1958);
        var captured = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), cert, "日志测"),
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(cert.hashCode())),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf(cert))),
                Map.of());
        assertThat(captured.status()).isEqualTo(201);
        String refused = Samples.citizenId(1959);
        api.capture(Samples.personEnrolment(Samples.acceptanceNo(), refused, ""), List.of(), Map.of());

        var file = api.postJson("/api/v1/persons/lookup", Map.of("certNo", cert));
        api.postJson("/api/v1/persons/lookup", Map.of("certNo", Samples.citizenId(1902)));
        api.get("/api/v1/persons/" + cert + "/items");
        api.get("/api/v1/search?idNumber=" + cert);
        api.get("/api/v1/search?q=" + URLEncoder.encode(cert + " 日志测", StandardCharsets.UTF_8));
        api.get("/api/v1/items/" + cert);
        long personId =
                file.status() == 200 ? file.json().get("party").get("id").asLong() : 1;
        api.postJson("/api/v1/persons/" + personId + "/unmask", Map.of("reason", "核对 " + cert));
        var raw = new RawHttp(port);
        var bearer = Map.of("Authorization", "Bearer " + ApiClient.initialToken(), "Content-Type", "application/json");
        raw.send("POST", "/api/v1/persons/lookup", bearer, "{\"certNo\":" + cert.substring(0, 17) + "1,}");
        raw.send("POST", "/api/v1/persons/" + personId + "/unmask", bearer, "{\"reason\":[\"" + cert + "\"");
        raw.send("GET", "/api/v1/persons/" + cert + "%00/items", bearer, null);
        raw.send("GET", "/search?q=" + cert + "|{}", Map.of(), null);

        assertThat(idNumbersIn(output.getAll())).isEmpty();
    }

    private static List<String> idNumbersIn(String log) {
        var found = new ArrayList<String>();
        var m = CANDIDATE.matcher(log);
        while (m.find()) {
            String s = m.group().toUpperCase(java.util.Locale.ROOT);
            if (plausibleBirthDate(s) && CitizenIdNumber.checkChar(s.substring(0, 17)) == s.charAt(17)) {
                found.add(s);
            }
        }
        return found;
    }

    /** Digits 7–14 are a birth date (GB 11643), which keeps timestamps and serial numbers out of the scan. */
    private static boolean plausibleBirthDate(String s) {
        int year = Integer.parseInt(s.substring(6, 10));
        int month = Integer.parseInt(s.substring(10, 12));
        int day = Integer.parseInt(s.substring(12, 14));
        return year >= 1850 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
}
