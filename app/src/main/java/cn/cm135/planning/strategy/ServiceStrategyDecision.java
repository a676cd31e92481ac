package cn.cm135.planning.strategy;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The DMN table {@code service-strategy} (processes/service-strategy.dmn) as deployed to the engine: the
 * marketing centre changes the rules in Modeler and redeploys, no Java change. {@link #load(Date)} reads the
 * version in force when the month started once (inside an engine command, so no user authorization applies to this system
 * read) and parses it into a plain DMN engine; the returned table is then evaluated in-process once per
 * customer, without writing decision history for each of them, by a FEEL engine that parses each expression
 * once ({@link ParsedOnceFeelEngine}).
 */
@Component
class ServiceStrategyDecision {

    static final String KEY = "service-strategy";

    private final ProcessEngine engine;
    private final DmnEngine dmnEngine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).feelEngineFactory(ParsedOnceFeelEngine::new).buildEngine();
    private final Map<String, Table> parsed = new ConcurrentHashMap<>();

    ServiceStrategyDecision(ProcessEngine engine) {
        this.engine = engine;
    }

    /** One strategy a rule gave: the table's outputs 策略类型, 要点, 规格代码, 策略内容, 理由. */
    record Hit(String strategyType, String keyPoint, String specCode, String content, String reason) {
    }

    /** The parsed table of one generation run. */
    final class Table {

        private final DmnDecision decision;
        private final DmnModelInstance model;

        private Table(DmnDecision decision, DmnModelInstance model) {
            this.decision = decision;
            this.model = model;
        }

        /** Every rule that matches the variables (hit policy COLLECT), in rule order. */
        List<Hit> evaluate(Map<String, Object> variables) {
            List<Hit> hits = new ArrayList<>();
            for (DmnDecisionResultEntries entries : dmnEngine.evaluateDecision(decision, variables)) {
                hits.add(new Hit(text(entries, "strategyType"), text(entries, "keyPoint"), text(entries, "specCode"),
                        text(entries, "content"), text(entries, "reason")));
            }
            return hits;
        }

        /**
         * The key point (要点) of each strategy type the table's rules name as literals, so that a manual
         * strategy of a known type gets the same key point as the rule's.
         */
        Map<String, String> keyPointsByType() {
            Map<String, String> keyPoints = new HashMap<>();
            DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
            List<String> names = table.getOutputs().stream().map(Output::getName).toList();
            int typeColumn = names.indexOf("strategyType");
            int keyPointColumn = names.indexOf("keyPoint");
            for (Rule rule : table.getRules()) {
                List<OutputEntry> outputs = new ArrayList<>(rule.getOutputEntries());
                String type = literal(outputs.get(typeColumn).getTextContent());
                String keyPoint = literal(outputs.get(keyPointColumn).getTextContent());
                if (type != null && keyPoint != null) {
                    keyPoints.putIfAbsent(type, keyPoint);
                }
            }
            return keyPoints;
        }
    }

    /** Reads and parses the latest deployed version of the table. */
    Table load() {
        return load(null);
    }

    /**
     * Reads and parses the version of the table that was the latest at {@code asOf} (a month's start): a table the
     * marketing centre deploys mid-month applies from the next month on, while the months already running finish
     * on the rules they started with. The latest version when {@code asOf} is null or precedes every deployment.
     */
    Table load(Date asOf) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            String versionId = asOf == null ? null : versionAt(asOf);
            String definitionId = versionId != null ? versionId
                    : cache.findDeployedLatestDecisionDefinitionByKey(KEY).getId();
            // A deployed version never changes, so each is parsed once (not once per customer manager and month).
            return parsed.computeIfAbsent(definitionId, id -> {
                DmnModelInstance model = cache.findDmnModelInstanceForDecisionDefinition(id);
                return new Table(dmnEngine.parseDecision(KEY, model), model);
            });
        });
    }

    /** The id of the newest version deployed at or before {@code asOf}, or null. */
    private String versionAt(Date asOf) {
        RepositoryService repository = engine.getRepositoryService();
        for (DecisionDefinition version : repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY)
                .orderByDecisionDefinitionVersion().desc().list()) {
            Deployment deployment = repository.createDeploymentQuery().deploymentId(version.getDeploymentId())
                    .singleResult();
            if (!deployment.getDeploymentTime().after(asOf)) {
                return version.getId();
            }
        }
        return null;
    }

    private static String text(DmnDecisionResultEntries entries, String name) {
        Object value = entries.getEntryMap().get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The string of a FEEL string literal ("经营分析指导"), null for any other expression. */
    private static String literal(String feel) {
        if (feel == null) {
            return null;
        }
        String text = feel.strip();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") && text.indexOf('"', 1) == text.length() - 1
                ? text.substring(1, text.length() - 1) : null;
    }
}
