package org.siarchive.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
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
    ReferenceDataAdmin.Rule setRule(@RequestBody RuleRequest body, Access access) {
        return admin.setRule(body.fondsCode(), body.categoryCode(), body.pattern(), body.seqWidth(), access);
    }

    @PutMapping("/scopes/{code}/retention")
    void setRetention(@PathVariable String code, @RequestBody RetentionRequest body, Access access) {
        admin.setScopeRetention(code, body.retentionCode(), body.reason(), access);
    }
}
