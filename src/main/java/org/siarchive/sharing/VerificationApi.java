package org.siarchive.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.security.ApiTokens;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code POST /api/v1/sharing/verifications}: one verification question of a registered client system
 * (token scope {@code sharing:verify} only). Refusals are problem details naming the field and the rule,
 * and are in the exchange register like every answer.
 */
@Tag(name = "共享核验")
@RestController
class VerificationApi {

    /** The answer: the register's entry number, ANSWERED or NOT_FOUND, and exactly the fields asked. */
    record VerificationAnswer(long exchangeId, String result, Map<String, @Nullable Object> answer) {}

    private final Verifications verifications;
    private final ApiTokens tokens;
    private final MessageSource messages;
    private final ReadableTime time;

    VerificationApi(Verifications verifications, ApiTokens tokens, MessageSource messages, ReadableTime time) {
        this.verifications = verifications;
        this.tokens = tokens;
        this.messages = messages;
        this.time = time;
    }

    @Operation(
            operationId = "verifySubject",
            summary = "共享核验：按用途核验一名参保人，只答所请求且获准的字段",
            description = "一次只核验一人；请求须说明用途及其依据（协查函号或本人授权编号）。拒绝的请求同样登记在交换登记中。"
                    + " Verifies one person for a stated purpose; answers only the requested, allowed fields.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.SHARING_VERIFY))
    @ApiResponse(responseCode = "200", description = "已答复（ANSWERED）或查无此人（NOT_FOUND）")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @ApiResponse(responseCode = "429", ref = "TooManyRequests")
    @PostMapping("/api/v1/sharing/verifications")
    VerificationAnswer verify(@RequestBody VerificationRequest body, Access access, HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        Long tokenId = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.idOf(header.substring(7).strip()).orElse(null)
                : null;
        var r = verifications.verify(body, tokenId, request.getRemoteAddr(), access);
        return new VerificationAnswer(r.entryId(), r.result(), r.answer());
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal e, HttpServletRequest request) {
        var locale = RequestContextUtils.getLocale(request);
        var status = HttpStatus.valueOf(e.status());
        String kind =
                switch (e.status()) {
                    case 403 -> "forbidden";
                    case 429 -> "too-many-requests";
                    default -> "invalid-input";
                };
        String message =
                messages.getMessage("sharing.rule." + e.rule(), e.args().toArray(), e.rule(), locale);
        String label = messages.getMessage("field." + e.field().replaceAll("\\[\\d+]", "[]"), null, e.field(), locale);
        String text =
                messages.getMessage("violation.format", new Object[] {label, message}, label + ": " + message, locale);
        var p = ProblemDetail.forStatus(status);
        p.setType(URI.create("urn:siarchive:problem:" + kind));
        p.setTitle(messages.getMessage("problem." + kind + ".title", null, status.getReasonPhrase(), locale));
        p.setDetail(text);
        var error = new LinkedHashMap<String, String>();
        error.put("field", e.field());
        error.put("rule", e.rule());
        error.put("message", text);
        p.setProperty("errors", List.of(error));
        var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.status() == 429) { // the quota is renewed at the next Beijing midnight
            var now = time.now();
            var midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
            answer.header(
                    "Retry-After",
                    Long.toString(Math.max(1, Duration.between(now, midnight).toSeconds())));
        }
        return answer.body(p);
    }
}
