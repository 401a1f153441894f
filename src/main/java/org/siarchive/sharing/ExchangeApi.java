package org.siarchive.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.Registers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sharing/exchange}: the exchange register (交换登记) for the auditor — search, export, a person. */
@Tag(name = "共享核验")
@RestController
@RequestMapping("/api/v1/sharing/exchange")
class ExchangeApi {

    /** A search with the ID number, in the body; {@code page} counts from 0. */
    record SearchBody(
            @Nullable Long clientId,
            @Nullable String purpose,
            @Nullable String result,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String idNumber,
            @Nullable Integer page) {

        ExchangeRegister.Search search() {
            return new ExchangeRegister.Search(clientId, purpose, result, from, to, idNumber);
        }
    }

    record PersonBody(@Nullable String idNumber) {}

    private final ExchangeRegister register;
    private final ExchangeSheets sheets;
    private final Registers paper;

    ExchangeApi(ExchangeRegister register, ExchangeSheets sheets, Registers paper) {
        this.register = register;
        this.sheets = sheets;
        this.paper = paper;
    }

    @Operation(
            operationId = "listExchange",
            summary = "交换登记：按客户端、用途、结果和日期（北京时间）查询，每页 50 条",
            description = "期间不超过 366 天，缺省为最近 30 天。 Searches the exchange register.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.EXCHANGE_READ))
    @ApiResponse(responseCode = "200", description = "一页登记，最新的在前")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @GetMapping
    ExchangeRegister.Page list(
            @RequestParam(required = false) @Nullable Long clientId,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page) {
        return register.search(new ExchangeRegister.Search(clientId, purpose, result, from, to, null), page);
    }

    @Operation(
            operationId = "searchExchange",
            summary = "交换登记：按公民身份号码等条件查询",
            description = "公民身份号码放在请求体中，不出现在地址里。 Searches the register, the ID number in the body.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.EXCHANGE_READ))
    @ApiResponse(responseCode = "200", description = "一页登记")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/search")
    ExchangeRegister.Page search(@RequestBody SearchBody body) {
        return register.search(body.search(), body.page() == null ? 0 : body.page());
    }

    @Operation(
            operationId = "exportExchange",
            summary = "导出交换登记（Excel，至多 10000 条，留审计）",
            description = "Exports the register as an Excel workbook; the export is audited.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.EXCHANGE_READ))
    @ApiResponse(responseCode = "200", description = "Excel 工作簿")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/export")
    ResponseEntity<byte[]> export(@RequestBody SearchBody body, Access access, Locale locale) {
        var lines = register.export(body.search(), access.actor());
        return paper.download(sheets.register(lines, locale), "xlsx", access, locale);
    }

    @Operation(
            operationId = "exchangeAboutPerson",
            summary = "谁查询过此人：客户端、部门、时间、用途和字段",
            description = "查询本身留审计。 Who asked about a person.",
            security = @SecurityRequirement(name = "apiToken", scopes = Permission.EXCHANGE_READ))
    @ApiResponse(responseCode = "200", description = "查询记录，最新的在前")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/about-person")
    List<ExchangeRegister.Inquiry> aboutPerson(@RequestBody PersonBody body, Access access) {
        return register.aboutPerson(body.idNumber() == null ? "" : body.idNumber(), access.actor());
    }
}
