package cn.cm135.tasklist;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.springframework.stereotype.Component;

/**
 * History level {@code full}, except for the revisions of Json variables: the tables a form shows or edits
 * ({@link FormData#json}) keep their last value in {@code ACT_HI_VARINST} like every variable, but no copy per
 * revision in {@code ACT_HI_DETAIL} (with its byte array). A customer manager's form tables hold a row per
 * retailer; a copy of each revision cost about 9 MB of byte arrays per customer manager and month (README,
 * "A whole month through REST") and repeated what the feature's own tables already record, with who decided
 * what in {@code approval_decision}. Every other variable (a decision, a reason, a tick) keeps its revisions,
 * and all other history (tasks, activities, operations, jobs, incidents) is untouched.
 */
@Component
class FormTableHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Handler());
    }

    /** The engine's own database handler, which asks this whether a variable's revision gets a detail row. */
    static final class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity update) {
            return super.shouldWriteHistoricDetail(update) && !isJson(update);
        }

        static boolean isJson(HistoricVariableUpdateEventEntity update) {
            return SpinValueType.JSON.getName().equals(update.getSerializerName());
        }
    }
}
