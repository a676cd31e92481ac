package cn.cm135.cycle.deadline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.cm135.rules.Refusal;
import cn.cm135.tasklist.FormData;

/** What the deadline tasks share: how a due time is written, and the market manager's required 督办意见. */
final class Supervision {

    static final String NOTE = "supervisionNote";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M 月 d 日 HH:mm");

    private Supervision() {
    }

    /** A due time as the reminders and 督办 forms write it: "6 月 9 日 20:00". */
    static String due(Date due, ZoneId zone) {
        return DUE.format(due.toInstant().atZone(zone));
    }

    /** The completed 督办 task's note as the comment it leaves; refused when blank (the task stays open). */
    static String requiredNote(DelegateTask task) {
        Object note = FormData.edited(task, NOTE);
        if (note == null || note.toString().isBlank()) {
            throw Refusal.invalid(NOTE, "请填写督办意见（supervisionNote）");
        }
        return "督办意见（" + task.getAssignee() + "）：" + note.toString().strip();
    }
}
