package cn.cm135.processcoverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.EventType;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.junit.jupiter.api.Test;

class ModelCoverageTests {

    /**
     * start → choice → a (timer boundary "timeout" → endTimeout) → endA; choice → sub [subStart → b → subEnd] → endB.
     * Flow nodes: start, choice, a, timeout, endTimeout, endA, sub, subStart, b, subEnd, endB = 11 (the
     * subprocess's own nodes and the boundary event count); sequence flows: 8.
     */
    private final DeployedProcess process = DeployedProcess.fromXml(Bpmn.convertToString(
            Bpmn.createExecutableProcess("p")
                    .startEvent("start").exclusiveGateway("choice")
                    .userTask("a").boundaryEvent("timeout").timerWithDuration("PT1H").endEvent("endTimeout")
                    .moveToActivity("a").endEvent("endA")
                    .moveToNode("choice").subProcess("sub").embeddedSubProcess()
                    .startEvent("subStart").userTask("b").endEvent("subEnd").subProcessDone()
                    .endEvent("endB")
                    .done()))
            .get(0);

    @Test
    void countsTheFlowNodesAnyTestClassPassedInThisProcessOnly() {
        assertThat(process.flowNodeIds()).hasSize(11);
        assertThat(process.sequenceFlowIds()).hasSize(8);

        // Class 1 goes the "a" way; class 2 enters the subprocess and stops at b. The event for "subEnd" of
        // another process and the one for "endB" that is a sequence-flow event must not count as nodes.
        Suite first = suite("First", node("start"), node("choice"), node("a"), node("endA"),
                flow(process.sequenceFlowIds().get(0)));
        Suite second = suite("Second", node("start"), node("choice"), node("sub"), node("subStart"), node("b"),
                new Event(EventSource.FLOW_NODE, EventType.END, "subEnd", "endEvent", "other", 0),
                new Event(EventSource.SEQUENCE_FLOW, EventType.TAKE, "endB", "sequenceFlow", "p", 0),
                flow(process.sequenceFlowIds().get(0)), flow(process.sequenceFlowIds().get(1)));

        ModelCoverage coverage = ModelCoverage.of(process, List.of(first, second));

        // Reached: start, choice, a, endA, sub, subStart, b = 7 of 11; sequence flows: the first two = 2.
        assertThat(coverage.coveredNodes()).isEqualTo(7);
        assertThat(coverage.totalNodes()).isEqualTo(11);
        assertThat(coverage.share()).isEqualTo(7.0 / 11);
        assertThat(coverage.missingNodeIds()).containsExactlyInAnyOrder("timeout", "endTimeout", "subEnd", "endB");
        assertThat(coverage.coveredSequenceFlows()).isEqualTo(2);
    }

    @Test
    void aProcessNoTestStartedIsListedWithNothingCovered() {
        ModelCoverage coverage = ModelCoverage.of(process, List.of());

        assertThat(coverage.coveredNodes()).isZero();
        assertThat(coverage.share()).isZero();
        assertThat(coverage.missingNodeIds()).containsExactlyElementsOf(process.flowNodeIds());
    }

    private static Suite suite(String name, Event... events) {
        Suite suite = new Suite(name, name);
        Run run = new Run(name + "#0", "test");
        for (Event event : events) {
            run.addEvent(event);
        }
        suite.addRun(run);
        return suite;
    }

    private static Event node(String id) {
        return new Event(EventSource.FLOW_NODE, EventType.START, id, "flowNode", "p", 0);
    }

    private static Event flow(String id) {
        return new Event(EventSource.SEQUENCE_FLOW, EventType.TAKE, id, "sequenceFlow", "p", 0);
    }
}
