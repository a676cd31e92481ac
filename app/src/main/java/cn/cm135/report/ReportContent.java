package cn.cm135.report;

import java.util.List;

/** What a report shows for one request: its tables and the notes under them. */
public record ReportContent(List<ReportSection> sections, List<ReportNote> notes) {

    public ReportContent {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    public static ReportContent of(ReportSection section) {
        return new ReportContent(List.of(section), List.of());
    }
}
