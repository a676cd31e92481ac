package cn.cm135.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

/** What the engine REST API answers for a failure: a server error tells nothing of the internals. */
class EngineErrorBodyTests {

    @Test
    void aServerErrorShowsAnErrorIdAndNothingOfTheInternals() {
        Response answer = EngineRefusalMapper.answer(
                new IllegalStateException("could not execute statement [select secret_column from act_ru_task]"));
        assertThat(answer.getStatus()).isEqualTo(500);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) answer.getEntity();
        assertThat(body).containsEntry("type", "ServerError").containsKey("message");
        assertThat(body.get("message").toString()).containsPattern("错误编号 [0-9a-f]{8}")
                .doesNotContain("secret", "Exception", "select");
    }

    @Test
    void aClientErrorKeepsCamundasAnswerWhichTheWebappsReadAndNoStackTrace() {
        Response answer = EngineRefusalMapper.answer(new AuthorizationException("cm1", "READ", "ProcessDefinition", "cycle-135-monthly"));
        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(answer.getEntity().toString()).doesNotContain("at org.camunda", "\tat ");
    }
}
