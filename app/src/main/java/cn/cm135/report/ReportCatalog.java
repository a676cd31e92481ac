package cn.cm135.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.cm135.web.ApiException;

/** Every {@link Report} bean of the application, by name. */
@Component
class ReportCatalog {

    private final Map<String, Report> reports;

    ReportCatalog(List<Report> reports) {
        this.reports = reports.stream().collect(Collectors.toMap(Report::name, Function.identity()));
    }

    Report get(String name) {
        Report report = reports.get(name);
        if (report == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "report", "没有名为 " + name + " 的报表；可用的报表："
                    + all().stream().map(r -> r.name() + "（" + r.title() + "）").collect(Collectors.joining("、")));
        }
        return report;
    }

    List<Report> all() {
        return reports.values().stream().sorted(Comparator.comparing(Report::name)).toList();
    }
}
