package cn.cm135.processcoverage;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Suite;

/** What the test classes' recorded events cover of one deployed process. */
record ModelCoverage(DeployedProcess process, List<String> missingNodeIds, long coveredSequenceFlows) {

    static ModelCoverage of(DeployedProcess process, Collection<Suite> suites) {
        Set<String> passedNodes = passed(suites, process.key(), EventSource.FLOW_NODE);
        Set<String> passedFlows = passed(suites, process.key(), EventSource.SEQUENCE_FLOW);
        return new ModelCoverage(process,
                process.flowNodeIds().stream().filter(id -> !passedNodes.contains(id)).toList(),
                process.sequenceFlowIds().stream().filter(passedFlows::contains).count());
    }

    int totalNodes() {
        return process.flowNodeIds().size();
    }

    int coveredNodes() {
        return totalNodes() - missingNodeIds.size();
    }

    /** Share of flow nodes reached; a process without flow nodes counts as covered. */
    double share() {
        return totalNodes() == 0 ? 1.0 : (double) coveredNodes() / totalNodes();
    }

    private static Set<String> passed(Collection<Suite> suites, String processKey, EventSource source) {
        Set<String> ids = new HashSet<>();
        for (Suite suite : suites) {
            for (Event event : suite.getEvents(processKey)) {
                if (event.getSource() == source) {
                    ids.add(event.getDefinitionKey());
                }
            }
        }
        return ids;
    }
}
