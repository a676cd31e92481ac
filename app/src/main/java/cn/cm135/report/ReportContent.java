package cn.cm135.report;

import java.util.List;

/** What a report shows for one request: its charts, its tables and the notes under them. */
public record ReportContent(List<ReportChart> charts, List<ReportSection> sections, List<ReportNote> notes) {

    public ReportContent {
        charts = List.copyOf(charts);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    public ReportContent(List<ReportSection> sections, List<ReportNote> notes) {
        this(List.of(), sections, notes);
    }

    public static ReportContent of(ReportSection section) {
        return new ReportContent(List.of(section), List.of());
    }

    /** The same content with {@code more} charts first. */
    public ReportContent withCharts(List<ReportChart> more) {
        return new ReportContent(more, sections, notes);
    }
}
