package cn.cm135.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cm135.customer.demand.DemandService;
import cn.cm135.customer.demand.DemandSurvey;
import cn.cm135.organization.Organization;

/**
 * 客户需求调查统计表 of the needs collected in the month (step 4), over the scope's customer managers:
 * per need type the customers with such a need and their share of the active customers served, the
 * needs and the urgent ones; then the three types with most urgent needs and confirmed vs unconfirmed.
 * The figures are {@link DemandService#survey}'s, the same as the step-4 form shows.
 */
@Component
class DemandSurveyReport implements Report {

    static final List<Column> TYPES = List.of(Column.text("需求类型"), Column.integer("客户数"),
            Column.percent("占服务客户"), Column.integer("需求条数"), Column.integer("紧急"));
    static final List<Column> TOTALS = List.of(Column.integer("服务客户"), Column.integer("有需求客户"),
            Column.integer("需求条数"), Column.integer("已确认"), Column.integer("未确认"));

    private final DemandService demands;
    private final Organization organization;

    DemandSurveyReport(DemandService demands, Organization organization) {
        this.demands = demands;
        this.organization = organization;
    }

    @Override
    public String name() {
        return "demand-survey";
    }

    @Override
    public String title() {
        return "客户需求调查统计表";
    }

    @Override
    public ReportContent content(ReportRequest request) {
        List<String> managers = request.scope().everyone()
                ? organization.activeCustomerManagers().stream().map(Organization.CustomerManager::id).toList()
                : request.scope().customerManagerIds();
        DemandSurvey survey = demands.survey(managers, request.month());
        List<List<Object>> types = new ArrayList<>();
        survey.types().forEach(t -> types.add(List.of(t.needType(), t.customers(), t.share(), t.needs(), t.urgent())));
        List<List<Object>> urgent = new ArrayList<>();
        survey.topUrgent().forEach(t -> urgent.add(List.of(t.needType(), t.customers(), t.share(), t.needs(), t.urgent())));
        return new ReportContent(List.of(
                new ReportSection("按需求类型", TYPES, types),
                new ReportSection("紧急需求前三（按紧急条数）", TYPES, urgent),
                new ReportSection("确认情况", TOTALS, List.of(List.of(survey.customersServed(), survey.customersWithNeeds(),
                        survey.needs(), survey.confirmed(), survey.unconfirmed())))),
                List.of(new ReportNote("说明", "统计 " + request.month() + " 月走访中收集的客户直接需求（本月落实）；"
                        + "一户有多类需求时在每类中各计一次，占比 = 该类客户数 ÷ 服务的在营客户数。")));
    }
}
