package org.siarchive.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/**
 * Who may call the API, as the OpenAPI document states it. Two ways in, both on every operation: a
 * bearer API token (machine clients) or the console session (scripts of the console pages, with the CSRF
 * token on writes). An operation names the permission it needs as the scope of its {@code apiToken}
 * requirement ({@code @Operation(security = @SecurityRequirement(name = "apiToken", scopes = "…"))}); the
 * session alternative is added here with the same permission.
 */
final class ApiAccess {

    static final String TOKEN = "apiToken";
    static final String SESSION = "consoleSession";
    static final String CSRF = "csrfToken";

    private ApiAccess() {}

    static Components addTo(Components components) {
        return components
                .addSecuritySchemes(
                        TOKEN,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("sia_…")
                                .description("接口令牌（Authorization: Bearer sia_…）：由安全保密管理员在“接口令牌”页签发给业务系统、"
                                        + "扫描工作站或其他部门，只显示一次。令牌只带业务权限，限定机构子树、密级、有效期，可限定来源网络；"
                                        + "每个请求单独认证，不建立会话，不需要 CSRF 令牌；同一客户端的令牌共享每分钟请求上限（超过时 429）。"
                                        + "requirement 中列出的是所需权限。Scoped API token of a client system (docs/adr/0032)."))
                .addSecuritySchemes(
                        SESSION,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name("JSESSIONID")
                                .description("控制台登录会话（账号口令 + 动态口令登录后的会话 Cookie），供控制台页面中的脚本调用接口；"
                                        + "写操作（POST、PUT）还须带 CSRF 令牌。会话不受令牌请求上限约束。"
                                        + "requirement 中列出的是账户角色须含的权限。The console's login session."))
                .addSecuritySchemes(
                        CSRF,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-CSRF-TOKEN")
                                .description("会话写请求的 CSRF 令牌（取自控制台页面）；令牌请求不需要。"
                                        + "CSRF token of a session's unsafe request."));
    }

    /**
     * Replaces the operation's {@code apiToken} requirement by the two ways in, both with its permission;
     * an operation that names no permission is left without security, which the contract test refuses.
     */
    static void complete(PathItem.HttpMethod method, Operation operation) {
        List<String> permissions = permissions(operation);
        if (permissions.isEmpty()) {
            return;
        }
        var session = new SecurityRequirement().addList(SESSION, permissions);
        if (method != PathItem.HttpMethod.GET) {
            session.addList(CSRF);
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(TOKEN, permissions), session));
    }

    private static List<String> permissions(Operation operation) {
        if (operation.getSecurity() == null) {
            return List.of();
        }
        return operation.getSecurity().stream()
                .filter(r -> r.containsKey(TOKEN))
                .flatMap(r -> r.get(TOKEN).stream())
                .toList();
    }
}
