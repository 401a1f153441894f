package org.siarchive.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console of volumes (案卷) and boxes (档案盒): lists, 组卷 from 档号 as people type them (the volume gets its
 * 档号 by the volume rule), 备考表, 装盒, and the printed 备考表 and box labels (A4 PDFs). Refused forms come
 * back with the errors beside the fields and the input kept.
 */
@Controller
class ContainersConsole {

    record VolumeForm(String title, String codes) {}

    record BoxForm(String fondsCode, String boxNo) {}

    private final Containers containers;
    private final ContainerLists lists;
    private final ContainerChanges changes;
    private final Catalog catalog;
    private final ContainerPrints prints;
    private final ArchiveCodeLookup lookup;

    ContainersConsole(
            Containers containers,
            ContainerLists lists,
            ContainerChanges changes,
            Catalog catalog,
            ContainerPrints prints,
            ArchiveCodeLookup lookup) {
        this.containers = containers;
        this.lists = lists;
        this.changes = changes;
        this.catalog = catalog;
        this.prints = prints;
        this.lookup = lookup;
    }

    @GetMapping("/volumes")
    String volumes(Access access, Model model) {
        return volumesView(new VolumeForm("", ""), access, model);
    }

    @PostMapping("/volumes")
    String fileIntoVolume(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String codes,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            var volume = containers.fileIntoVolume(title, typedForVolume(title, codes, access), access);
            return "redirect:/volumes/" + volume.id();
        } catch (InvalidInputException | ConflictException e) {
            refused(e, Map.of("items", "codes"), response, model);
            return volumesView(new VolumeForm(title, codes), access, model);
        }
    }

    @GetMapping("/volumes/{id}")
    String volume(@PathVariable long id, Access access, Model model) {
        var sheet = lists.volume(id, access.scope());
        return volumeView(sheet, noteForm(sheet), access, model);
    }

    @PostMapping("/volumes/{id}/note")
    String saveNote(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String compiledBy,
            @RequestParam(defaultValue = "") String checkedBy,
            @RequestParam(defaultValue = "") String compiledOn,
            Access access,
            Model model,
            HttpServletResponse response) {
        var form = new ContainerChanges.NoteSheet(note, compiledBy, checkedBy, compiledOn);
        try {
            changes.saveNoteSheet(id, form, access);
            return "redirect:/volumes/" + id + "?saved";
        } catch (InvalidInputException e) {
            refused(e, Map.of(), response, model);
            return volumeView(lists.volume(id, access.scope()), form, access, model);
        }
    }

    @PostMapping("/volumes/{id}/box")
    String putVolumeIntoBox(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long boxId,
            Access access,
            Model model,
            HttpServletResponse response) {
        var sheet = lists.volume(id, access.scope());
        try {
            if (boxId <= 0) {
                throw new InvalidInputException(Violation.of("boxId", "required"));
            }
            changes.putVolumeIntoBox(id, boxId, access);
            return "redirect:/volumes/" + id;
        } catch (InvalidInputException e) {
            refused(e, Map.of(), response, model);
            return volumeView(sheet, noteForm(sheet), access, model);
        }
    }

    @GetMapping("/volumes/{id}/note-sheet.pdf")
    ResponseEntity<byte[]> noteSheet(@PathVariable long id, Access access, Locale locale) {
        var sheet = lists.volume(id, access.scope());
        byte[] pdf = prints.noteSheet(sheet, lists.itemsInVolume(id, access.scope()), access, locale);
        return pdf("备考表-" + sheet.volume().archiveCode() + ".pdf", pdf);
    }

    @GetMapping("/boxes")
    String boxes(Access access, Model model) {
        return boxesView(new BoxForm("", ""), access, model);
    }

    @PostMapping("/boxes")
    String createBox(
            @RequestParam(defaultValue = "") String fondsCode,
            @RequestParam(defaultValue = "") String boxNo,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            var box = containers.createBox(fondsCode, boxNo, access);
            return "redirect:/boxes/" + box.id();
        } catch (InvalidInputException | ConflictException e) {
            refused(e, Map.of(), response, model);
            return boxesView(new BoxForm(fondsCode, boxNo), access, model);
        }
    }

    @GetMapping("/boxes/{id}")
    String box(@PathVariable long id, Access access, Model model) {
        return boxView(id, "", access, model);
    }

    @PostMapping("/boxes/{id}/items")
    String putIntoBox(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String codes,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            containers.putIntoBox(id, codes(codes, access), access);
            return "redirect:/boxes/" + id;
        } catch (InvalidInputException e) {
            refused(e, Map.of("items", "codes"), response, model);
            return boxView(id, codes, access, model);
        }
    }

    @GetMapping("/boxes/{id}/labels.pdf")
    ResponseEntity<byte[]> boxLabels(@PathVariable long id, Access access, Locale locale) {
        var box = boxRow(id, access);
        byte[] pdf = prints.boxLabels(box, lists.itemsInBox(id, access.scope()), access, locale);
        return pdf("盒签-" + box.boxNo() + ".pdf", pdf);
    }

    /** The one item each 档号 typed one per line names, within the reader's scope. */
    private List<java.util.UUID> codes(String typed, Access access) {
        return lookup.resolveOne(ArchiveCodeList.lines(typed), access.scope(), "codes");
    }

    /** The items typed for a new volume; a blank title is reported together with any unknown 档号. */
    private List<java.util.UUID> typedForVolume(String title, String codes, Access access) {
        var violations = new java.util.ArrayList<Violation>();
        if (title.isBlank()) {
            violations.add(Violation.of("title", "required"));
        }
        List<java.util.UUID> ids = List.of();
        try {
            ids = codes(codes, access);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return ids;
    }

    private String volumesView(VolumeForm form, Access access, Model model) {
        model.addAttribute("nav", "volumes");
        model.addAttribute("volumes", lists.volumes(access.scope()));
        model.addAttribute("form", form);
        model.addAttribute("canManage", access.can(CatalogAccessRules.CONTAINER_MANAGE));
        return "catalog/volumes";
    }

    private String volumeView(
            ContainerLists.VolumeSheet sheet, ContainerChanges.NoteSheet form, Access access, Model model) {
        model.addAttribute("nav", "volumes");
        model.addAttribute("sheet", sheet);
        model.addAttribute("items", lists.itemsInVolume(sheet.volume().id(), access.scope()));
        model.addAttribute(
                "boxes",
                lists.boxes(access.scope()).stream()
                        .filter(b -> b.fondsCode().equals(sheet.volume().fondsCode()))
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("canManage", access.can(CatalogAccessRules.CONTAINER_MANAGE));
        return "catalog/volume";
    }

    private String boxesView(BoxForm form, Access access, Model model) {
        model.addAttribute("nav", "volumes");
        model.addAttribute("boxes", lists.boxes(access.scope()));
        model.addAttribute("fonds", catalog.classification().fonds());
        model.addAttribute("form", form);
        model.addAttribute("canManage", access.can(CatalogAccessRules.CONTAINER_MANAGE));
        return "catalog/boxes";
    }

    private String boxView(long id, String codes, Access access, Model model) {
        model.addAttribute("nav", "volumes");
        model.addAttribute("box", boxRow(id, access));
        model.addAttribute("volumes", lists.volumesInBox(id, access.scope()));
        model.addAttribute("items", lists.itemsInBox(id, access.scope()));
        model.addAttribute("codes", codes);
        model.addAttribute("canManage", access.can(CatalogAccessRules.CONTAINER_MANAGE));
        return "catalog/box";
    }

    private ContainerLists.BoxRow boxRow(long id, Access access) {
        containers.box(id, access.scope()); // 404 outside the scope
        return lists.boxes(access.scope()).stream()
                .filter(b -> b.id() == id)
                .findFirst()
                .orElseThrow(() -> new org.siarchive.shared.NotFoundException("BOX", Long.toString(id)));
    }

    private static ContainerChanges.NoteSheet noteForm(ContainerLists.VolumeSheet s) {
        return new ContainerChanges.NoteSheet(
                s.note() == null ? "" : s.note(),
                s.compiledBy() == null ? "" : s.compiledBy(),
                s.checkedBy() == null ? "" : s.checkedBy(),
                s.compiledOn() == null ? "" : s.compiledOn().toString());
    }

    /** A refused form: 422 and its errors beside the fields (a conflict too, on the field it concerns). */
    private static void refused(
            RuntimeException e, Map<String, String> renames, HttpServletResponse response, Model model) {
        response.setStatus(422);
        var errors = e instanceof InvalidInputException invalid
                ? FormErrors.of(invalid)
                : FormErrors.of(List.of(new Violation(
                        renames.isEmpty() ? "boxNo" : "codes",
                        "conflict",
                        ((ConflictException) e).messageKey(),
                        ((ConflictException) e).args())));
        model.addAttribute("formErrors", errors.renamed(renames));
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }
}
