package cn.cm135.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every endpoint under /api is in the OpenAPI description, with a 中文 summary and its refusals in the ApiError
 * shape; the description and Swagger UI sit behind the API's login.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiTests {

    @Autowired TestRestTemplate rest;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsDescribedInChineseWithItsRefusals() throws Exception {
        assertThat(rest.getForEntity("/api/docs/openapi.json", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> answer = rest.withBasicAuth("admin", "admin").getForEntity("/api/docs/openapi.json",
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode api = new ObjectMapper().readTree(answer.getBody());
        assertThat(api.at("/components/schemas/ApiError/properties").has("message")).isTrue();

        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") && !pattern.startsWith("/api/docs")) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        endpoints.add(verb.name().toLowerCase(Locale.ROOT) + " " + pattern);
                    }
                }
            }
        });
        assertThat(endpoints).as("the app's /api endpoints").hasSizeGreaterThan(30);
        for (String endpoint : endpoints) {
            String[] verbAndPath = endpoint.split(" ", 2);
            JsonNode operation = api.path("paths").path(verbAndPath[1]).path(verbAndPath[0]);
            assertThat(operation.isMissingNode()).as("%s described", endpoint).isFalse();
            assertThat(operation.path("summary").asText()).as("%s: summary in 中文", endpoint).containsPattern("\\p{IsHan}");
            assertThat(operation.path("tags")).as("%s: grouped", endpoint).isNotEmpty();
            operation.path("parameters").forEach(parameter -> assertThat(parameter.path("description").asText())
                    .as("%s: parameter %s explained in 中文 (the signed-in user is no parameter)", endpoint,
                            parameter.path("name").asText()).containsPattern("\\p{IsHan}"));
            for (String refusal : List.of("400", "401", "403", "404", "409")) {
                assertThat(operation.at("/responses/" + refusal + "/content/application~1json/schema/$ref").asText())
                        .as("%s answers %s as ApiError", endpoint, refusal).isEqualTo("#/components/schemas/ApiError");
            }
        }
    }

    @Test
    void swaggerUiNeedsTheLogin() {
        assertThat(rest.getForEntity("/api/docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> ui = rest.withBasicAuth("admin", "admin").getForEntity("/api/docs", String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
    }
}
