package cn.cm135.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's engine REST (Tasklist talks to it) plus {@link EngineRefusalMapper}, so a task listener's
 * {@link cn.cm135.rules.Refusal} reaches the person as its Chinese message with a 4xx status.
 * Replaces the starter's own config bean, which backs off when one is present.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(EngineRefusalMapper.RestExceptions.class);
        register(EngineRefusalMapper.EngineExceptions.class);
    }
}
