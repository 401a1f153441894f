package org.siarchive.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Set;
import org.siarchive.shared.Access;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}):
 * the contract business systems, scanning stations and other departments code against. The common parts
 * (ways in, problem responses, tags) are added here; each operation declares its summary, id, permission
 * and its own problems. {@code OpenApiContractIT} writes the document and the build lints it with
 * Redocly (docs/adr/0043).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        // the caller's access is resolved from the authenticated principal, never sent by the client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Access.class);
    }

    /** The tag of each module with an API, in the order a client meets them. */
    static final List<Tag> TAGS = List.of(
            tag("采集", "采集（capture）：业务系统经办时提交件的材料与著录，系统校验、登记档号与保管期限、计算摘要并长期保存。"),
            tag("档案目录", "档案目录（catalog）：件的著录、文件与摘要，经校验的下载，一人一档、一企一档，卷、盒与参考数据（档号规则、保管期限）。"),
            tag("全文检索", "全文检索（search）：全文与著录条件检索、在结果中检索、分面统计与分页。"),
            tag("保存监测", "保存监测（integrity）：件在保存期间发生的保存事件（参照 PREMIS）。"),
            tag("数字化", "数字化（digitisation）：扫描工作站接口（开批次、分次上传页面、附清单、提交、查看进度、质检结果与建议、确认归档），件、卷、盒的标签与扫描封面的可打印 PDF。"),
            tag("移交与接收", "移交与接收（transfer）：导出与接收移交包（EEP 或文件夹），接收时做四性检测并处理疑似重复。"),
            tag("处置", "处置（disposition）：到期鉴定清单、密级到期审查、鉴定、销毁清册、监销与冻结。"),
            tag("数据比对", "数据比对（comparison）：参考数据、比对规则与批次，风险预警的核查、分派、确认或排除与结案，支付指令与预警统计。"),
            tag("共享核验", "共享核验（sharing）：其他部门已登记的客户端按用途核验一名参保人，只答获准的最少字段；每次请求记入交换登记。"),
            tag("转移接续", "转移接续（continuation）：养老保险关系转移接续案件，两地经办机构之间的签名函件（联系函、信息表及档案移交包、回执）。"),
            tag("县市省目录汇交", "县市省目录汇交（federation）：县级平台按序号推送已签名的目录增量批次，省级平台验签、按县入库，并在数据范围内检索各县目录。"),
            tag("统计分析", "统计分析（analytics）：馆藏、增长、数字化、利用、随办随归、保存状况与预警的统计图表数据，按调用方数据范围计算。"));

    @Bean
    OpenAPI siarchiveApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("SIArchive 社保档案管理平台 API")
                        .version("v1")
                        .description("采集、检索与保存社会保险业务档案。调用方使用接口令牌（Bearer）或控制台登录会话，每个操作列出所需权限；"
                                + "数据范围外的对象按不存在（404）处理。错误按 RFC 9457 以 application/problem+json 返回问题详情"
                                + "（中文；Accept-Language: en 时为英文）。Capture, find and preserve social-insurance archives; "
                                + "errors are RFC 9457 problem details."))
                .servers(List.of(new Server().url("/").description("本系统（经 TLS 前端访问的同一地址）")))
                .tags(TAGS)
                .components(ApiAccess.addTo(ApiProblems.addTo(new Components()))
                        .addResponses("PdfDocument", pdfDocument()));
    }

    /** The answer of the operations that render a PDF (labels, cover sheets, access copies), shown inline. */
    private static ApiResponse pdfDocument() {
        var binary = new Schema<Object>();
        binary.setType("string");
        binary.setTypes(Set.of("string"));
        binary.setFormat("binary");
        return new ApiResponse()
                .description("PDF 文件（Content-Disposition: inline）")
                .content(new Content().addMediaType("application/pdf", new MediaType().schema(binary)));
    }

    @Bean
    OpenApiCustomizer commonOperationParts() {
        return new ApiOperations();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
