package cn.cm135.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI 3 description of {@code /api} ({@code /api/docs/openapi.json}, Swagger UI at {@code /api/docs}),
 * for a company's IT to generate a client. Every operation answers its refusals in the {@link ApiError} shape;
 * they are added here once instead of on 45 methods: 400 bad value (the field named), 401 no login, 403 not
 * allowed or initial password unchanged, 404 unknown, 409 locked or already running.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basic";

    private static final Map<String, String> REFUSALS = Map.of(
            "400", "输入有误：field 指出有问题的字段，message 说明原因",
            "401", "未登录：请使用 HTTP Basic（系统用户名与密码）",
            "403", "没有权限，或尚未修改初始密码",
            "404", "没有这条记录（如该月份尚未开始）",
            "409", "记录已锁定（已确定或已审核），或该月正由另一个请求启动");

    @Bean
    OpenAPI cm135Api() {
        return new OpenAPI()
                .info(new Info().title("cm135 客户经理135工作法 API").version("0.1")
                        .description("客户经理、市场经理和营销中心在任务列表之外使用的接口：目标、需求、分析、策略、计划、拜访记录、"
                                + "评估与导入。所有接口使用 HTTP Basic 登录；能看到哪些客户经理的数据由角色决定。"))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer refusalsInApiErrorShape() {
        return api -> {
            Schema<?> apiError = ModelConverters.getInstance().readAllAsResolvedSchema(ApiError.class).schema;
            apiError.description("拒绝请求时的回答");
            api.getComponents().addSchemas("ApiError", apiError);
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    REFUSALS.forEach((status, text) -> {
                        if (operation.getResponses().get(status) == null) {
                            operation.getResponses().addApiResponse(status, new ApiResponse().description(text)
                                    .content(new Content().addMediaType("application/json",
                                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError")))));
                        }
                    })));
        };
    }
}
