package org.saraban.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.meeting.CommitteeCreatedEvent;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.CreateCommitteeCommand;
import org.saraban.api.meeting.MeetingException;
import org.saraban.api.meeting.MeetingNumberIssuedEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.MeetingType;
import org.saraban.api.meeting.QuorumRule;
import org.saraban.api.meeting.ScheduleMeetingCommand;

/**
 * A committee (คณะกรรมการ) of one agency: its members with their roles, its quorum rule, what it decides,
 * and the numbers of its meetings, which run from ครั้งที่ ๑ each calendar year (DOMAIN.md §4.1).
 */
@Aggregate(cache = "aggregateCache")
public class Committee {

    @AggregateIdentifier
    private String committeeId;
    private String agencyCode;
    private String name;
    private MeetingType type;
    private List<CommitteeMember> members = new ArrayList<>();
    private QuorumRule quorumRule;
    private Map<Integer, Integer> lastSequence = new HashMap<>();

    Committee() {
        // for Axon
    }

    @CommandHandler
    Committee(CreateCommitteeCommand c) {
        Actor actor = c.actor();
        if (actor == null || !actor.hasAnyRole(Role.CLERK, Role.ADMIN) || actor.agencyCode() == null) {
            throw new PermissionDeniedException("ROLE_REQUIRED", "a clerk of the agency sets up its committees");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        }
        if (c.type() == null) {
            errors.add(new FieldError("type", "required"));
        }
        List<CommitteeMember> given = c.members() == null ? List.of() : c.members();
        if (given.stream().noneMatch(m -> m != null && m.role() != null && m.role().voting())) {
            errors.add(new FieldError("members", "at least one voting member is required"));
        }
        if (given.stream().filter(m -> m != null && m.role() == CommitteeRole.CHAIR).count() != 1) {
            errors.add(new FieldError("members", "exactly one CHAIR"));
        }
        Set<String> people = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            CommitteeMember m = given.get(i);
            String field = "members[" + i + "]";
            if (m == null || m.name() == null || m.name().isBlank()) {
                errors.add(new FieldError(field + ".name", "required"));
            } else if (m.role() == null) {
                errors.add(new FieldError(field + ".role", "one of " + List.of(CommitteeRole.values())));
            } else if (m.personId() != null && !people.add(m.personId())) {
                errors.add(new FieldError(field + ".personId", "already a member"));
            }
        }
        QuorumRule rule = c.quorumRule() == null ? QuorumRule.HALF : c.quorumRule();
        if (!rule.valid()) {
            errors.add(new FieldError("quorumRule", "a fraction between 0 and 1 of the voting members"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("COMMITTEE_INVALID", errors);
        }
        apply(new CommitteeCreatedEvent(c.committeeId(), actor.agencyCode(), c.name().strip(), c.appointedBy(),
                c.type(), List.copyOf(given), rule, actor.ref(), c.at()));
    }

    /**
     * Checks that the actor may schedule this meeting (the committee's chair or secretary, or a clerk of its
     * agency) and that it may be held as asked, then numbers it by the calendar year it takes place in.
     * Returns what the meeting starts from: this committee as it stands and the number it is given.
     */
    MeetingScheduledEvent numberMeeting(ScheduleMeetingCommand c) {
        Actor actor = c.actor();
        if (actor == null || !agencyCode.equals(actor.agencyCode()) && roleOf(actor.personId()) == null) {
            throw MeetingException.notFound(committeeId);
        }
        CommitteeRole role = roleOf(actor.personId());
        boolean organiser = role == CommitteeRole.CHAIR || role == CommitteeRole.SECRETARY
                || agencyCode.equals(actor.agencyCode()) && actor.hasRole(Role.CLERK);
        if (!organiser) {
            throw MeetingException.forbidden("NOT_AN_ORGANISER",
                    "the committee's chair or secretary, or a clerk of its agency, schedules its meetings");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.title() == null || c.title().isBlank()) {
            errors.add(new FieldError("title", "required"));
        }
        if (c.startsAt() == null) {
            errors.add(new FieldError("startsAt", "required"));
        }
        if (c.startsAt() != null && c.endsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (!c.online() && (c.place() == null || c.place().isBlank())) {
            errors.add(new FieldError("place", "required for a meeting in a room"));
        }
        if (c.online() && !type.mayMeetOnline()) {
            // พ.ร.ก. การประชุมผ่านสื่ออิเล็กทรอนิกส์ ๒๕๖๓ excludes these from meeting electronically
            errors.add(new FieldError("online", "a " + type + " committee may not meet electronically"));
        }
        if (c.conferenceUrl() != null && !c.conferenceUrl().isBlank() && !c.conferenceUrl().startsWith("https://")) {
            errors.add(new FieldError("conferenceUrl", "must be an https:// address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("MEETING_INVALID", errors);
        }
        int yearBE = ThaiText.buddhistYear(c.startsAt());
        int sequence = lastSequence.getOrDefault(yearBE, 0) + 1;
        apply(new MeetingNumberIssuedEvent(committeeId, yearBE, sequence, c.meetingId(), actor.ref(), c.at()));
        String number = "ครั้งที่ " + ThaiText.thaiDigits(sequence + "/" + yearBE);
        return new MeetingScheduledEvent(c.meetingId(), committeeId, agencyCode, name, yearBE, sequence,
                number, c.title().strip(), c.startsAt(), c.endsAt(), c.place(), c.online(),
                c.conferenceUrl() == null || c.conferenceUrl().isBlank() ? null : c.conferenceUrl(),
                List.copyOf(members), quorumRule, actor.ref(), c.at());
    }

    private CommitteeRole roleOf(String personId) {
        return personId == null ? null : members.stream().filter(m -> personId.equals(m.personId()))
                .map(CommitteeMember::role).findFirst().orElse(null);
    }

    @EventSourcingHandler
    void on(CommitteeCreatedEvent e) {
        committeeId = e.committeeId();
        agencyCode = e.agencyCode();
        name = e.name();
        type = e.type();
        members = new ArrayList<>(e.members());
        quorumRule = e.quorumRule();
    }

    @EventSourcingHandler
    void on(MeetingNumberIssuedEvent e) {
        lastSequence.merge(e.yearBE(), e.sequence(), Math::max);
    }
}
