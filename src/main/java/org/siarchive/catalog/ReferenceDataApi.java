package org.siarchive.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reference}: 档号 rules and annex retention, the reference data agencies adapt. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceDataApi {

    private final ReferenceDataAdmin admin;

    ReferenceDataApi(ReferenceDataAdmin admin) {
        this.admin = admin;
    }

    record RuleRequest(@Nullable String fondsCode, @Nullable String categoryCode, String pattern, int seqWidth) {}

    record RetentionRequest(String retentionCode, String reason) {}

    @GetMapping("/archive-code-rules")
    List<ReferenceDataAdmin.Rule> rules() {
        return admin.rules();
    }

    @PutMapping("/archive-code-rules")
    ReferenceDataAdmin.Rule setRule(@RequestBody RuleRequest body, HttpServletRequest request) {
        return admin.setRule(body.fondsCode(), body.categoryCode(), body.pattern(), body.seqWidth(), actor(request));
    }

    @PutMapping("/scopes/{code}/retention")
    void setRetention(@PathVariable String code, @RequestBody RetentionRequest body, HttpServletRequest request) {
        admin.setScopeRetention(code, body.retentionCode(), body.reason(), actor(request));
    }

    private static Actor actor(HttpServletRequest r) {
        return new Actor("local-operator", r.getRemoteAddr(), String.valueOf(r.getHeader("User-Agent")));
    }
}
