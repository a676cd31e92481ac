package cn.cm135.visit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.cm135.organization.StaffAccess;
import cn.cm135.rules.Refusal;

/**
 * {@code GET /reports/visit-sheet/{customerManagerId}/{yyyy-MM-dd}}: the printable 日拜访记录表 of a day (A4,
 * the header repeated on every page); {@code ….pdf}: the same as PDF. Who may see it: the customer manager,
 * their market manager, the marketing centre and administrators ({@link StaffAccess}).
 */
@Controller
@RequestMapping("/reports/visit-sheet/{customerManagerId}")
class VisitSheetController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final DateTimeFormatter PRINTED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String WHAT = "日拜访记录表";

    private final VisitRecordService visits;
    private final VisitSheetPdf pdf;
    private final StaffAccess access;
    private final ITemplateEngine templates;
    private final Clock clock;

    VisitSheetController(VisitRecordService visits, VisitSheetPdf pdf, StaffAccess access, ITemplateEngine templates,
            Clock clock) {
        this.visits = visits;
        this.pdf = pdf;
        this.access = access;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/{visitDate}")
    ResponseEntity<String> page(@PathVariable String customerManagerId, @PathVariable String visitDate,
            Authentication user) {
        return ResponseEntity.ok().contentType(HTML).body(html(customerManagerId, visitDate, user, false));
    }

    @GetMapping("/{visitDate}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String customerManagerId, @PathVariable String visitDate,
            Authentication user) {
        String html = html(customerManagerId, visitDate, user, true);
        byte[] body = pdf.render(html, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/");
        String name = "visit-sheet-" + customerManagerId + "-" + visitDate + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"; filename*=UTF-8''"
                        + UriUtils.encode("日拜访记录表-" + customerManagerId + "-" + visitDate + ".pdf",
                                StandardCharsets.UTF_8))
                .body(body);
    }

    private String html(String customerManagerId, String visitDate, Authentication user, boolean forPdf) {
        access.requireRead(user, customerManagerId, WHAT);
        LocalDate day = VisitController.date(visitDate);
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("sheet", visits.sheet(customerManagerId, day));
        context.setVariable("pdf", forPdf);
        context.setVariable("pdfHref", day + ".pdf");
        context.setVariable("generatedAt", LocalDateTime.now(clock).format(PRINTED_AT));
        return templates.process("visits/sheet", context);
    }

    /** Refusals as the reports' error page. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case LOCKED -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        String html = templates.process("reports/error", new Context(Locale.SIMPLIFIED_CHINESE,
                Map.of("status", status.value(), "message", e.getMessage())));
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }
}
