package cn.cm135.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.cm135.web.ApiError;
import cn.cm135.web.ApiException;
import cn.cm135.web.Periods;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /reports/{report}/{yyyy-MM}} – the printable page; {@code …/{yyyy-MM}.csv} or
 * {@code ?format=csv} – the same as CSV; {@code .xlsx} or {@code ?format=xlsx} – as an Excel workbook. Scope: {@code cm=} a customer manager, {@code mm=} a market
 * manager's team, {@code customer=} a retail customer (动销台账); without one, the user's own. {@code GET
 * /reports} lists the reports. Signed in by the Tasklist session or HTTP Basic ({@code security/}).
 */
@Controller
@RequestMapping("/reports")
class ReportController {

    /** Months the index links, ending with the chosen one (by default last month, the one analysed now). */
    static final int INDEX_MONTHS = 6;
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final DateTimeFormatter GENERATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A report link of the index page. */
    /** A report and its pages of the index's months, oldest first. */
    record Entry(String title, List<String> hrefs) {
    }

    private final ReportCatalog catalog;
    private final ReportAccess access;
    private final Clock clock;
    private final ITemplateEngine templates;

    ReportController(ReportCatalog catalog, ReportAccess access, Clock clock, ITemplateEngine templates) {
        this.catalog = catalog;
        this.access = access;
        this.clock = clock;
        this.templates = templates;
    }

    @GetMapping
    String index(@RequestParam(required = false) String month, Authentication user, Model model) {
        YearMonth shown = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : Periods.parse(month);
        List<YearMonth> months = new ArrayList<>();
        for (int i = INDEX_MONTHS - 1; i >= 0; i--) {
            months.add(shown.minusMonths(i));
        }
        List<Entry> entries = catalog.all().stream()
                .filter(r -> r.scopeKind() == ReportScope.Kind.CUSTOMER_MANAGERS)
                .map(r -> new Entry(r.title(), months.stream().map(m -> "reports/" + r.name() + "/" + m).toList()))
                .toList();
        ReportScope own = access.own(user);
        model.addAttribute("month", shown.toString());
        model.addAttribute("months", months.stream().map(YearMonth::toString).toList());
        model.addAttribute("scope", own.description());
        model.addAttribute("entries", entries);
        return "reports/index";
    }

    @GetMapping("/{name}/{month}")
    String page(@PathVariable String name, @PathVariable String month, @RequestParam(required = false) String format,
            @RequestParam(required = false) String cm, @RequestParam(required = false) String mm,
            @RequestParam(required = false) String customer, Authentication user, Model model) {
        if (format != null && !format.equals("html")) {
            throw ApiException.badRequest("format", "format 只能是 html、csv 或 xlsx，收到 " + format);
        }
        ReportAccess.Requested requested = new ReportAccess.Requested(cm, mm, customer);
        Report report = catalog.get(name);
        model.addAttribute("page", page(report, request(report, month, requested, user), requested));
        return "reports/report";
    }

    @GetMapping(value = "/{name}/{month}", params = "format=csv")
    ResponseEntity<byte[]> csvByParameter(@PathVariable String name, @PathVariable String month,
            @RequestParam(required = false) String cm, @RequestParam(required = false) String mm,
            @RequestParam(required = false) String customer, Authentication user) {
        return csv(name, month, cm, mm, customer, user);
    }

    @GetMapping("/{name}/{month}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String name, @PathVariable String month,
            @RequestParam(required = false) String cm, @RequestParam(required = false) String mm,
            @RequestParam(required = false) String customer, Authentication user) {
        return file(name, month, new ReportAccess.Requested(cm, mm, customer), user, "csv", CSV, CsvExport::of);
    }

    @GetMapping(value = "/{name}/{month}", params = "format=xlsx")
    ResponseEntity<byte[]> xlsxByParameter(@PathVariable String name, @PathVariable String month,
            @RequestParam(required = false) String cm, @RequestParam(required = false) String mm,
            @RequestParam(required = false) String customer, Authentication user) {
        return xlsx(name, month, cm, mm, customer, user);
    }

    @GetMapping("/{name}/{month}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String name, @PathVariable String month,
            @RequestParam(required = false) String cm, @RequestParam(required = false) String mm,
            @RequestParam(required = false) String customer, Authentication user) {
        return file(name, month, new ReportAccess.Requested(cm, mm, customer), user, "xlsx", XLSX, XlsxExport::of);
    }

    private ResponseEntity<byte[]> file(String name, String month, ReportAccess.Requested requested,
            Authentication user, String extension, MediaType type, Function<ReportPage, byte[]> export) {
        Report report = catalog.get(name);
        ReportRequest request = request(report, month, requested, user);
        ReportPage page = page(report, request, requested);
        String fileName = report.title() + "-" + request.month() + "-" + tag(requested, request.scope(), user) + "."
                + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        attachment(report.name() + "-" + request.month() + "." + extension, fileName))
                .body(export.apply(page));
    }

    /** Refusals as a page for people, or as the API's {@link ApiError} for CSV clients. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<?> refused(ApiException e, HttpServletRequest request) {
        String format = request.getParameter("format");
        if (request.getRequestURI().endsWith(".csv") || request.getRequestURI().endsWith(".xlsx") || "csv".equals(format)
                || "xlsx".equals(format)) {
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(new ApiError(e.status().value(), e.field(), e.getMessage()));
        }
        String html = templates.process("reports/error", new Context(Locale.SIMPLIFIED_CHINESE,
                Map.of("status", e.status().value(), "message", e.getMessage())));
        return ResponseEntity.status(e.status()).contentType(HTML).body(html);
    }

    private ReportRequest request(Report report, String month, ReportAccess.Requested requested, Authentication user) {
        YearMonth period = Periods.parse(month);
        return new ReportRequest(period, access.scope(user, report, requested));
    }

    private ReportPage page(Report report, ReportRequest request, ReportAccess.Requested requested) {
        return ReportPage.of(report, request, report.content(request),
                LocalDateTime.now(clock).format(GENERATED_AT), fileHref(request, requested, "csv"),
                fileHref(request, requested, "xlsx"));
    }

    private static String fileHref(ReportRequest request, ReportAccess.Requested requested, String extension) {
        return UriComponentsBuilder.fromPath(request.month() + "." + extension)
                .queryParamIfPresent("cm", Optional.ofNullable(requested.customerManager()))
                .queryParamIfPresent("mm", Optional.ofNullable(requested.marketManager()))
                .queryParamIfPresent("customer", Optional.ofNullable(requested.customer()))
                .encode().build().toUriString();
    }

    /** Whose report the file is, for its name: the asked scope, else the user (or 全部 for the centre). */
    private static String tag(ReportAccess.Requested requested, ReportScope scope, Authentication user) {
        if (requested.customer() != null) {
            return "零售户" + requested.customer().strip();
        }
        if (requested.customerManager() != null) {
            return requested.customerManager().strip();
        }
        if (requested.marketManager() != null) {
            return requested.marketManager().strip();
        }
        return scope.everyone() ? "全部" : user.getName();
    }

    /**
     * RFC 6266: an ASCII {@code filename} for old clients and the 中文 name as RFC 5987 {@code filename*}.
     * (Spring's {@code ContentDisposition} would put an RFC 2047 "=?UTF-8?Q?…" word in {@code filename},
     * which browsers that ignore {@code filename*} show literally.)
     */
    static String attachment(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + UriUtils.encode(name, StandardCharsets.UTF_8);
    }
}
