package cn.cm135.brand.analysis;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * The DMN table {@code brand-status} (processes/brand-status.dmn), as deployed to the engine: the
 * marketing centre may redeploy it from Modeler with other thresholds. {@link #load()} reads the latest
 * deployed version once (inside an engine command, so no user authorization applies to this system
 * read) and parses it into a plain DMN engine; the returned evaluator is then called once per row
 * without writing decision history for every (area, spec).
 */
@Component
class BrandStatusDecision {

    static final String KEY = "brand-status";

    private final ProcessEngine engine;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    BrandStatusDecision(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Evaluates the parsed decision for one row. */
    interface Evaluator {
        String status(Integer monthsSinceLaunch, BigDecimal deltaPp);
    }

    Evaluator load() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DmnModelInstance model = configuration.getCommandExecutorTxRequired().execute(context -> {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            DecisionDefinition definition = cache.findDeployedLatestDecisionDefinitionByKey(KEY);
            return cache.findDmnModelInstanceForDecisionDefinition(definition.getId());
        });
        DmnDecision decision = dmnEngine.parseDecision(KEY, model);
        return (months, delta) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("monthsSinceLaunch", months);
            variables.put("deltaPp", delta == null ? null : delta.doubleValue());
            DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);
            if (result.isEmpty()) {
                throw new IllegalStateException("DMN " + KEY + " matched no rule for monthsSinceLaunch=" + months
                        + ", deltaPp=" + delta);
            }
            return result.getFirstResult().getSingleEntry();
        };
    }
}
