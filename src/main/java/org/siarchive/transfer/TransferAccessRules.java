package org.siarchive.transfer;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may export and receive transfer packages (移交, 接收), in the console and by API (docs/adr/0041). */
@Component
class TransferAccessRules implements AccessRules {

    static final String TRANSFER = "preservation:transfer";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/transfers", "/transfers/export", "/transfers/receipts/*/progress")
                        .requires(TRANSFER),
                post("/transfers/exports", "/transfers/receipts").requires(TRANSFER),
                post("/api/v1/transfers/exports", "/api/v1/transfers/receipts").requires(TRANSFER),
                get("/api/v1/transfers/receipts", "/api/v1/transfers/key").requires(TRANSFER));
    }
}
