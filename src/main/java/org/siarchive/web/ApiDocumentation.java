package org.siarchive.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI siarchiveApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("SIArchive 社保档案管理平台 API")
                        .version("v1")
                        .description("采集、检索与保存社会保险业务档案。错误按 RFC 9457 返回问题详情（中文；"
                                + "Accept-Language: en 时为英文）。Capture, find and preserve social-insurance archives; "
                                + "errors are RFC 9457 problem details."));
    }
}
