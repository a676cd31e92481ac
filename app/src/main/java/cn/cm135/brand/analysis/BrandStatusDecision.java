package cn.cm135.brand.analysis;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The DMN table {@code brand-status} (processes/brand-status.dmn), as deployed to the engine: the
 * marketing centre may redeploy it from Modeler with other thresholds. {@link #load()} reads the latest
 * deployed version once (inside an engine command, so no user authorization applies to this system
 * read) and parses it into a plain DMN engine, without writing decision history for every (area, spec); each
 * deployed version is parsed once.
 * The analysis uses the table as SQL when it translates exactly ({@link DecisionTableSql}), otherwise it
 * evaluates it once per distinct pair of inputs.
 */
@Component
class BrandStatusDecision {

    static final String KEY = "brand-status";

    private static final Logger LOG = LoggerFactory.getLogger(BrandStatusDecision.class);

    private final ProcessEngine engine;
    private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    BrandStatusDecision(ProcessEngine engine) {
        this.engine = engine;
    }

    /** One deployed version of the table, parsed. */
    private record Parsed(DmnModelInstance model, DmnDecision decision) {
    }

    /** The loaded table: its SQL form if it has one, and an evaluation through the DMN engine. */
    final class Evaluator {

        private final DmnModelInstance model;
        private final DmnDecision decision;
        // Per run: the engine is asked once per distinct pair of inputs.
        private final Map<List<Object>, String> evaluated = new HashMap<>();

        private Evaluator(Parsed table) {
            this.model = table.model();
            this.decision = table.decision();
        }

        /** The table as a SQL CASE over the given columns of its inputs; empty when it does not translate exactly. */
        Optional<String> sql(Map<String, String> columns) {
            String language = model.getDefinitions().getExpressionLanguage();
            if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                return Optional.empty();
            }
            DecisionTable table = model.getModelElementById(decision.getKey()) instanceof Decision d
                    && d.getExpression() instanceof DecisionTable t ? t : null;
            return table == null ? Optional.empty() : DecisionTableSql.caseExpression(table, columns);
        }

        /** The status of one row through the DMN engine; each distinct pair of inputs is evaluated once. */
        String status(Integer monthsSinceLaunch, BigDecimal deltaPp) {
            Double delta = deltaPp == null ? null : deltaPp.doubleValue();
            return evaluated.computeIfAbsent(Arrays.asList(monthsSinceLaunch, delta), inputs -> {
                Map<String, Object> variables = new HashMap<>();
                variables.put("monthsSinceLaunch", monthsSinceLaunch);
                variables.put("deltaPp", delta);
                DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);
                if (result.isEmpty()) {
                    throw noRule(monthsSinceLaunch, deltaPp);
                }
                return result.getFirstResult().getSingleEntry();
            });
        }
    }

    static IllegalStateException noRule(Integer monthsSinceLaunch, BigDecimal deltaPp) {
        return new IllegalStateException("DMN " + KEY + " matched no rule for monthsSinceLaunch=" + monthsSinceLaunch
                + ", deltaPp=" + deltaPp);
    }

    Evaluator load() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Parsed table = configuration.getCommandExecutorTxRequired().execute(context -> {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            DecisionDefinition definition = cache.findDeployedLatestDecisionDefinitionByKey(KEY);
            return parsed.computeIfAbsent(definition.getId(), id -> {
                DmnModelInstance model = cache.findDmnModelInstanceForDecisionDefinition(id);
                return new Parsed(model, dmnEngine.parseDecision(KEY, model));
            });
        });
        return new Evaluator(table);
    }

    /**
     * Parses the table at startup: the first load after a restart fills the engine's deployment cache and reads the
     * DMN schema (0.3 s on the city's machine, README "Benchmark"), which the month start would otherwise wait for.
     */
    @EventListener(ApplicationReadyEvent.class)
    void parseAtStartup() {
        try {
            load();
        } catch (ProcessEngineException e) {
            LOG.warn("DMN {} not parsed at startup (the brand analysis will try again): {}", KEY, e.getMessage());
        }
    }
}
