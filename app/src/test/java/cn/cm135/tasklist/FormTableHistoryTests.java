package cn.cm135.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * On the real engine (history level full): a Json variable's revisions leave no detail rows, its last value
 * stays in the variable history; a plain variable keeps every revision.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormTableHistoryTests {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ObjectMapper json;

    @Test
    void aJsonTableKeepsItsLastValueButNoRevisionsWhileAReasonKeepsEvery() {
        Deployment deployment = repositoryService.createDeployment().addModelInstance("form-table-history.bpmn",
                Bpmn.createExecutableProcess("FormTableHistoryTest").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Task_Wait").endEvent().done())
                .deploy();
        try {
            String pi = runtimeService.startProcessInstanceByKey("FormTableHistoryTest", Variables.createVariables()
                    .putValueTyped("table", FormData.json(json, List.of(Map.of("visits", 2))))
                    .putValue("reason", "首次")).getId();
            runtimeService.setVariable(pi, "table", FormData.json(json, List.of(Map.of("visits", 3))));
            runtimeService.setVariable(pi, "reason", "改为 3 次");

            List<String> revised = historyService.createHistoricDetailQuery().processInstanceId(pi).variableUpdates()
                    .list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
            assertThat(revised).as("the reason's two revisions, none of the table's").containsExactly("reason", "reason");
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("table")
                    .singleResult().getValue().toString()).isEqualTo("[{\"visits\":3}]");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }
}
