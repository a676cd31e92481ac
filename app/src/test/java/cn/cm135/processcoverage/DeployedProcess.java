package cn.cm135.processcoverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One executable process of {@code processes/*.bpmn} (the files the application deploys) with the ids of its
 * flow nodes (events, gateways, tasks, subprocesses, boundary events, also those inside subprocesses) and of
 * its sequence flows, in document order.
 */
record DeployedProcess(String key, String xml, List<String> flowNodeIds, List<String> sequenceFlowIds) {

    static List<DeployedProcess> fromClasspath() throws IOException {
        List<DeployedProcess> processes = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = file.getInputStream()) {
                processes.addAll(fromXml(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return processes;
    }

    static List<DeployedProcess> fromXml(String xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<DeployedProcess> processes = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable()) {
                List<String> nodes = new ArrayList<>();
                List<String> flows = new ArrayList<>();
                collect(process.getFlowElements(), nodes, flows);
                processes.add(new DeployedProcess(process.getId(), xml, nodes, flows));
            }
        }
        return processes;
    }

    private static void collect(Collection<FlowElement> elements, List<String> nodes, List<String> flows) {
        for (FlowElement element : elements) {
            if (element instanceof FlowNode) {
                nodes.add(element.getId());
            } else if (element instanceof SequenceFlow) {
                flows.add(element.getId());
            }
            if (element instanceof SubProcess subProcess) {
                collect(subProcess.getFlowElements(), nodes, flows);
            }
        }
    }
}
