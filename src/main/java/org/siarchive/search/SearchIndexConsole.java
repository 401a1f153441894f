package org.siarchive.search;

import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The search index on the console (issue 14): while a rebuild runs, the search page shows a banner with
 * its progress (n of m items; results may be incomplete), polled every second and gone once it ended; an
 * administrator with system settings sees the index and starts a rebuild (重建索引, audited).
 */
@Controller
class SearchIndexConsole {

    private final SearchIndexer indexer;
    private final ArchiveSearch search;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    SearchIndexConsole(SearchIndexer indexer, ArchiveSearch search, AuditTrail audit, TransactionTemplate tx) {
        this.indexer = indexer;
        this.search = search;
        this.audit = audit;
        this.tx = tx;
    }

    /** The banner alone: the search page and the index page poll it while a rebuild runs. */
    @GetMapping("/search/rebuild/progress")
    String banner(Model model) {
        model.addAttribute("rebuild", indexer.rebuildProgress());
        model.addAttribute("rebuildPoll", "/search/rebuild/progress");
        return "search/rebuild :: banner";
    }

    /** The same progress for the index page (administrators need not be able to search). */
    @GetMapping("/admin/search-index/progress")
    String adminBanner(Model model) {
        model.addAttribute("rebuild", indexer.rebuildProgress());
        model.addAttribute("rebuildPoll", "/admin/search-index/progress");
        return "search/rebuild :: banner";
    }

    @GetMapping("/admin/search-index")
    String page(Model model) {
        model.addAttribute("nav", "searchIndex");
        model.addAttribute("rebuild", indexer.rebuildProgress());
        model.addAttribute("rebuildPoll", "/admin/search-index/progress");
        model.addAttribute("indexed", search.size());
        return "search/index";
    }

    /** Starts a full rebuild in the background, audited; a rebuild already running is left to run. */
    @PostMapping("/admin/search-index/rebuild")
    String rebuild(Access access) {
        if (!indexer.rebuilding()) {
            long before = search.size();
            tx.executeWithoutResult(s -> {
                if (indexer.startRebuild()) {
                    audit.record(
                            access.actor(),
                            AuditedObject.SEARCH,
                            "-",
                            AuditOperation.START,
                            null,
                            AuditDetail.of("audit.detail.searchRebuild", before).encoded());
                }
            });
        }
        return "redirect:/admin/search-index";
    }
}
