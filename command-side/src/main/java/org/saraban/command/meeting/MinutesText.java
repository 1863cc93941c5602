package org.saraban.command.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.saraban.api.common.PersonRef;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.meeting.AgendaSection;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.ConflictOfInterestDeclaredEvent;
import org.saraban.api.meeting.InvitationAnsweredEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.ResolutionRecordedEvent;
import org.saraban.api.meeting.RsvpResponse;
import org.saraban.command.letter.LetterDocuments;

/**
 * The minutes (รายงานการประชุม) in the regulation's form and wording (DOMAIN.md §4.1): drafted from a
 * meeting's history for the secretary to edit, and turned back into the fields the MINUTES form prints once
 * certified. The text is plain lines; indentation is left to the form.
 */
public final class MinutesText {

    /** The line under the heading, as the form's rule. */
    static final String RULE = "-------------------------------------------------";
    static final String SIGNATURE_LINE = "(ลงชื่อ) .......................................... ผู้จดรายงานการประชุม";

    private MinutesText() {
    }

    /** The draft written from the session's events. */
    public static String draft(MeetingHistory h) {
        MeetingScheduledEvent s = h.scheduled();
        List<String> out = new ArrayList<>();
        out.add("รายงานการประชุม" + s.committeeName());
        out.add(s.number());
        Instant when = h.opened() != null ? h.opened().at() : s.startsAt();
        out.add("เมื่อวัน" + ThaiText.weekday(s.startsAt()) + "ที่ " + ThaiText.date(s.startsAt()) + " เวลา "
                + ThaiText.time(s.startsAt()));
        if (s.place() != null && !s.place().isBlank()) {
            out.add("ณ " + s.place().strip());
            if (s.online()) {
                out.add("และผ่านสื่ออิเล็กทรอนิกส์");
            }
        } else if (s.online()) {
            out.add("ประชุมผ่านสื่ออิเล็กทรอนิกส์");
        }
        out.add(RULE);
        out.add("");

        List<CommitteeMember> present = new ArrayList<>();
        List<CommitteeMember> absent = new ArrayList<>();
        List<CommitteeMember> attending = new ArrayList<>();
        for (CommitteeMember m : s.members()) {
            boolean joined = m.personId() != null && h.attendance().containsKey(m.personId());
            if (m.role() == CommitteeRole.INVITEE) {
                if (joined) {
                    attending.add(m);
                }
            } else if (joined) {
                present.add(m);
            } else {
                absent.add(m);
            }
        }
        out.add("ผู้มาประชุม");
        int n = 0;
        for (CommitteeMember m : present) {
            out.add(ThaiText.thaiDigits(++n) + ". " + m.name() + " " + nonBlank(m.position()) + m.committeePosition());
            MeetingHistory.Attendance a = h.attendance().get(m.personId());
            List<String> notes = new ArrayList<>();
            if (s.online()) {
                notes.add("ประชุมผ่านสื่ออิเล็กทรอนิกส์");
            }
            if (a.left() != null && h.closed() != null && a.left().isBefore(h.closed().at())) {
                notes.add("ออกจากการประชุมเวลา " + ThaiText.time(a.left()));
            }
            if (!notes.isEmpty()) {
                out.add("(" + String.join(" ", notes) + ")");
            }
        }
        if (present.isEmpty()) {
            out.add("ไม่มี");
        }
        out.add("");
        out.add("ผู้ไม่มาประชุม");
        n = 0;
        for (CommitteeMember m : absent) {
            out.add(ThaiText.thaiDigits(++n) + ". " + m.name() + " " + nonBlank(m.position()) + m.committeePosition());
            InvitationAnsweredEvent answer = m.personId() == null ? null : h.answers().get(m.personId());
            if (answer != null && answer.response() == RsvpResponse.DELEGATE) {
                out.add("(มอบหมาย " + answer.delegateName()
                        + (answer.delegatePosition() == null ? "" : " " + answer.delegatePosition()) + " เข้าประชุมแทน)");
            } else if (answer != null && answer.reason() != null && !answer.reason().isBlank()) {
                out.add("(" + answer.reason().strip() + ")");
            }
        }
        if (absent.isEmpty()) {
            out.add("ไม่มี");
        }
        out.add("");
        out.add("ผู้เข้าร่วมประชุม");
        n = 0;
        for (CommitteeMember m : attending) {
            out.add(ThaiText.thaiDigits(++n) + ". " + m.name() + (m.position() == null ? "" : " " + m.position()));
        }
        if (attending.isEmpty()) {
            out.add("ไม่มี");
        }
        out.add("");
        out.add("เริ่มประชุมเวลา " + ThaiText.time(when));
        out.add("");

        int members = h.votingMembers();
        int required = s.quorumRule().required(members);
        long came = present.stream().filter(m -> m.role().voting()).count();
        out.add("ประธานกล่าวเปิดการประชุม และฝ่ายเลขานุการรายงานว่ามีกรรมการมาประชุม " + ThaiText.thaiDigits(came)
                + " คน จากจำนวนกรรมการทั้งหมด " + ThaiText.thaiDigits(members) + " คน"
                + " ซึ่งได้แสดงตนผ่านระบบยืนยันตัวตนก่อนเข้าร่วมประชุมแล้ว "
                + (came >= required ? "ครบเป็นองค์ประชุม ประธานจึงดำเนินการประชุมตามระเบียบวาระ ดังนี้"
                        : "ไม่ครบองค์ประชุม (ต้องมีกรรมการมาประชุมไม่น้อยกว่า " + ThaiText.thaiDigits(required) + " คน)"));
        out.add("");

        List<MeetingHistory.Item> agenda = h.agenda();
        for (AgendaSection section : AgendaSection.values()) {
            out.add("ระเบียบวาระที่ " + ThaiText.thaiDigits(section.number()) + " " + section.thai());
            List<MeetingHistory.Item> inSection = agenda.stream().filter(i -> i.added().section() == section).toList();
            if (inSection.isEmpty()) {
                out.add("ไม่มี");
            }
            for (MeetingHistory.Item item : inSection) {
                item(out, item);
            }
            out.add("");
        }
        if (h.closed() != null) {
            out.add("เลิกประชุมเวลา " + ThaiText.time(h.closed().at()));
            out.add("");
        }
        CommitteeMember taker = s.members().stream().filter(m -> m.role() == CommitteeRole.SECRETARY).findFirst()
                .orElse(null);
        out.add(SIGNATURE_LINE);
        if (taker != null) {
            out.add("(" + taker.name() + ")");
            out.add(taker.committeePosition() == null ? nonBlank(taker.position()).strip() : taker.committeePosition());
        }
        return String.join("\n", out) + "\n";
    }

    private static void item(List<String> out, MeetingHistory.Item item) {
        out.add(item.added().number() + " " + item.added().title());
        if (item.added().description() != null && !item.added().description().isBlank()) {
            out.add(item.added().description().strip());
        }
        for (ConflictOfInterestDeclaredEvent d : item.recusals()) {
            out.add(d.member().displayName() + " แจ้งว่ามีส่วนได้เสียในเรื่องนี้ (" + d.reason().strip()
                    + ") จึงไม่ร่วมพิจารณาและไม่ออกเสียงในระเบียบวาระนี้");
        }
        for (MeetingHistory.Poll poll : item.polls()) {
            if (poll.closed() == null) {
                continue;
            }
            out.add("ประธานขอให้กรรมการลงมติผ่านระบบ" + (poll.opened().secret() ? "โดยวิธีลงคะแนนลับ" : "")
                    + " ในประเด็น " + poll.opened().question() + " ผลการลงมติ " + counts(poll.closed().counts())
                    + " จากผู้มีสิทธิออกเสียง " + ThaiText.thaiDigits(poll.closed().eligible()) + " คน");
        }
        ResolutionRecordedEvent r = item.resolution();
        if (r != null) {
            out.add("มติที่ประชุม " + (r.text() == null || r.text().isBlank() ? r.type().label() : r.text().strip()));
        } else if (item.started() == null) {
            out.add("(ไม่ได้พิจารณาในการประชุมครั้งนี้)");
        }
    }

    static String counts(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((option, count) -> parts.add(option + " "
                + (count == null || count == 0 ? "ไม่มี" : ThaiText.thaiDigits(count) + " เสียง")));
        return String.join(" ", parts);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? "" : s.strip() + " ";
    }

    /**
     * The minutes of meeting {@code meetingId} as their PDF of record prints them: the MINUTES form of the
     * organising agency, numbered and dated as the meeting, with {@code secretary} as ผู้จดรายงานการประชุม under
     * their committee position (no one, for a committee without a secretary).
     */
    public static LetterDocuments.LetterOfRecord ofRecord(String meetingId, String agencyCode, String agencyName,
                                                          String text, CommitteeMember secretary, String number,
                                                          Instant startsAt) {
        PersonRef signatory = secretary == null ? null : new PersonRef(secretary.personId(), secretary.name(),
                secretary.committeePosition() == null ? secretary.position() : secretary.committeePosition(),
                secretary.agencyCode(), null);
        return new LetterDocuments.LetterOfRecord("minutes-" + meetingId, agencyCode, agencyName,
                toLetter(text, signatory), number, startsAt);
    }

    /**
     * The certified text as the MINUTES form prints it: the first line is the heading, the number and the date
     * are printed by the form from the meeting, the lines up to the rule after them open the body, and the
     * signature block at the end is the form's own (the secretary as ผู้จดรายงานการประชุม).
     */
    public static LetterContent toLetter(String text, PersonRef secretary) {
        List<String> lines = text.lines().map(String::strip).toList();
        String subject = lines.isEmpty() ? "รายงานการประชุม" : lines.get(0);
        int rule = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("-{5,}")) {
                rule = i;
                break;
            }
        }
        List<String> body = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("(ลงชื่อ)")) {
                break;
            }
            boolean heading = rule > 0 && i < rule && (line.startsWith("ครั้งที่") || line.startsWith("เมื่อ"));
            if (!line.isBlank() && i != rule && !heading) {
                body.add(line);
            }
        }
        return new LetterContent(LetterKind.MINUTES, false, null, null, null, subject, null, List.of(), List.of(),
                List.of(), body, null, secretary, null, List.of(), null);
    }
}
