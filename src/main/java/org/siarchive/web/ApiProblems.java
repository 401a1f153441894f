package org.siarchive.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The error answers of the API in the OpenAPI document: one {@code Problem} schema (RFC 9457, as
 * {@link ProblemHandler} and the security layer write it), an example per kind of problem and a
 * reusable response per status. Operations point at the responses by name (e.g. {@code NotFound}).
 */
final class ApiProblems {

    static final String PROBLEM_JSON = "application/problem+json";

    /** A reusable problem response: its status, component name, Chinese description and example. */
    record Kind(String status, String name, String description, Map<String, Object> example) {}

    static final Kind BAD_REQUEST = new Kind(
            "400",
            "BadRequest",
            "请求无法解析：请求体不是合法的 JSON 或 multipart，或地址被防火墙拒绝（路径穿越、非法编码）。",
            problem("urn:siarchive:problem:bad-request", "请求格式错误", 400, "请求无法解析，请检查格式。"));
    static final Kind UNAUTHENTICATED = new Kind(
            "401",
            "Unauthenticated",
            "未携带有效的接口令牌或登录会话（令牌无效、过期、已吊销或来自不允许的网络）；响应带 WWW-Authenticate。",
            problem("https://siarchive.org/problems/unauthenticated", "需要登录", 401, "请求未携带有效的登录会话或接口令牌。"));
    static final Kind FORBIDDEN = new Kind(
            "403",
            "Forbidden",
            "调用方没有该操作所需的权限（见本操作的 security 中列出的权限），或会话请求缺少 CSRF 令牌。",
            problem("https://siarchive.org/problems/forbidden", "无权访问", 403, "您的角色没有执行此操作的权限。"));
    static final Kind NOT_FOUND = new Kind(
            "404",
            "NotFound",
            "对象不存在或不在调用方的数据范围（机构子树 × 密级）内；格式错误的标识同样按不存在处理。",
            withProperty(
                    problem(
                            "urn:siarchive:problem:not-found",
                            "未找到",
                            404,
                            "未找到“0b7c5f1e-2d4a-4c1e-9f5e-3a1d2c4b5e6f”。"),
                    "objectType",
                    "ITEM"));
    static final Kind CONFLICT = new Kind(
            "409",
            "Conflict",
            "与档案现状冲突：例如件尚未完成保存、业务受理号已用于另一份内容、盒号已存在、移交包中的记录已在馆。",
            problem(
                    "urn:siarchive:problem:conflict",
                    "与档案现状冲突",
                    409,
                    "档号 0001-SB·2024-D100-01·GRCB-0001 尚未完成保存，暂不能进行此操作。"));
    static final Kind TOO_LARGE = new Kind(
            "413",
            "ContentTooLarge",
            "上传的文件或整个请求超过了允许的大小（siarchive.capture.max-file-size、spring.servlet.multipart.*）。",
            problem("urn:siarchive:problem:too-large", "上传内容过大", 413, "上传的文件或请求超过了允许的大小。"));
    static final Kind MEDIA_TYPE = new Kind(
            "415",
            "UnsupportedMediaType",
            "请求体的 Content-Type 不是本操作接受的类型。",
            problem(
                    "urn:siarchive:problem:media-type",
                    "不支持的内容类型",
                    415,
                    "请使用 multipart/form-data 或 application/json。"));
    static final Kind INVALID_INPUT = new Kind(
            "422",
            "InvalidInput",
            "提交的内容未通过校验（包括任何参数中被输入关口拒绝的字符，ADR 0036）；errors 逐项列出字段、规则和说明，未写入任何数据。",
            withProperty(
                    problem("urn:siarchive:problem:invalid-input", "提交的内容未通过校验", 422, "共有 1 处问题，请逐项修改后重新提交，未写入任何数据。"),
                    "errors",
                    List.of(Map.of("field", "certNo", "rule", "required", "message", "公民身份号码：必填"))));
    static final Kind TOO_MANY_REQUESTS = new Kind(
            "429",
            "TooManyRequests",
            "接口令牌所属客户端超过了每分钟请求上限；Retry-After 给出可重试的秒数。只适用于令牌请求。",
            problem("https://siarchive.org/problems/too-many-requests", "请求过于频繁", 429, "请求过于频繁，请在 12 秒后重试。"));
    static final Kind INTEGRITY = new Kind(
            "500",
            "IntegrityFailure",
            "读取时的摘要与采集时登记的不一致：内容不会发出，已记录告警，请档案管理员从副本修复。",
            problem(
                    "urn:siarchive:problem:integrity",
                    "存储内容校验失败",
                    500,
                    "“0001-SB·2024-D100-01·GRCB-0001/1”读取时的摘要与采集时登记的不一致，已拒绝提供并记录告警，请通知档案管理员从副本修复。"));

    static final List<Kind> ALL = List.of(
            BAD_REQUEST,
            UNAUTHENTICATED,
            FORBIDDEN,
            NOT_FOUND,
            CONFLICT,
            TOO_LARGE,
            MEDIA_TYPE,
            INVALID_INPUT,
            TOO_MANY_REQUESTS,
            INTEGRITY);

    private ApiProblems() {}

    /** Adds the Problem schemas, one example and one response per kind to the components. */
    static Components addTo(Components components) {
        components.addSchemas("Problem", problemSchema()).addSchemas("FieldError", fieldErrorSchema());
        for (Kind kind : ALL) {
            components.addExamples(
                    kind.name(), new Example().summary(kind.description()).value(kind.example()));
            components.addResponses(kind.name(), response(kind));
        }
        return components;
    }

    /** A reference to the reusable response of a kind, for an operation's responses. */
    static ApiResponse ref(Kind kind) {
        return new ApiResponse().$ref("#/components/responses/" + kind.name());
    }

    private static ApiResponse response(Kind kind) {
        var media = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                .examples(Map.of(kind.name(), new Example().$ref("#/components/examples/" + kind.name())));
        var response = new ApiResponse()
                .description(kind.description())
                .content(new Content().addMediaType(PROBLEM_JSON, media));
        if (kind == TOO_MANY_REQUESTS) {
            response.addHeaderObject(
                    "Retry-After", new Header().description("可重试前需等待的秒数").schema(type("integer")));
        }
        if (kind == UNAUTHENTICATED) {
            response.addHeaderObject(
                    "WWW-Authenticate",
                    new Header().description("Bearer realm=\"siarchive\"").schema(type("string")));
        }
        return response;
    }

    private static Schema<Object> problemSchema() {
        var s = type("object")
                .description("RFC 9457 问题详情（中文；Accept-Language: en 时为英文）。RFC 9457 problem detail.")
                .addProperty("type", type("string").format("uri-reference").description("问题类型 URI"))
                .addProperty("title", type("string").description("问题的简短说明"))
                .addProperty("status", type("integer").description("HTTP 状态码"))
                .addProperty("detail", type("string").description("本次问题的具体说明"))
                .addProperty("instance", type("string").format("uri-reference").description("出问题的请求路径"))
                .addProperty("objectType", type("string").description("404：未找到的对象类型，如 ITEM、PERSON、VOLUME"))
                .addProperty(
                        "errors",
                        type("array")
                                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                                .description("422：逐项列出的校验问题"))
                .addProperty("duplicates", type("array").items(type("object")).description("409（接收移交包）：已在馆的记录"));
        s.setRequired(List.of("type", "title", "status"));
        return s;
    }

    private static Schema<Object> fieldErrorSchema() {
        var s = type("object")
                .description("一处校验问题")
                .addProperty("field", type("string").description("字段名，如 certNo、files[1]"))
                .addProperty("rule", type("string").description("违反的规则，如 required、format、codeTable"))
                .addProperty("message", type("string").description("按调用方语言写成的说明"));
        s.setRequired(List.of("field", "rule", "message"));
        return s;
    }

    private static Schema<Object> type(String type) {
        var s = new Schema<Object>();
        s.setType(type);
        s.setTypes(Set.of(type));
        return s;
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        var p = new LinkedHashMap<String, Object>();
        p.put("type", type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", "/api/v1/items/0b7c5f1e-2d4a-4c1e-9f5e-3a1d2c4b5e6f");
        return p;
    }

    private static Map<String, Object> withProperty(Map<String, Object> problem, String name, Object value) {
        problem.put(name, value);
        return problem;
    }
}
