package org.saraban.command.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.saraban.api.common.PersonRef;
import org.saraban.api.meeting.AgendaItemAddedEvent;
import org.saraban.api.meeting.AgendaItemStartedEvent;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.ConflictOfInterestDeclaredEvent;
import org.saraban.api.meeting.InvitationAnsweredEvent;
import org.saraban.api.meeting.MeetingClosedEvent;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.ParticipantIdentityVerifiedEvent;
import org.saraban.api.meeting.ParticipantJoinedEvent;
import org.saraban.api.meeting.ParticipantLeftEvent;
import org.saraban.api.meeting.PollClosedEvent;
import org.saraban.api.meeting.PollOpenedEvent;
import org.saraban.api.meeting.ResolutionRecordedEvent;

/**
 * A meeting as its own events tell it, folded in order: who was invited and answered, who joined and left
 * and when, the agenda with its recusals, polls and resolutions. It is what the minutes are drafted from, and
 * what the replay proof of a poll recomputes presence, eligibility and quorum with, so neither depends on a
 * projection.
 */
public final class MeetingHistory {

    /** An agenda item and what happened to it in the session. */
    public static final class Item {
        private final AgendaItemAddedEvent added;
        private final int order;
        private final List<ConflictOfInterestDeclaredEvent> recusals = new ArrayList<>();
        private final List<Poll> polls = new ArrayList<>();
        private AgendaItemStartedEvent started;
        private ResolutionRecordedEvent resolution;

        Item(AgendaItemAddedEvent added, int order) {
            this.added = added;
            this.order = order;
        }

        public AgendaItemAddedEvent added() {
            return added;
        }

        public List<ConflictOfInterestDeclaredEvent> recusals() {
            return recusals;
        }

        public List<Poll> polls() {
            return polls;
        }

        public AgendaItemStartedEvent started() {
            return started;
        }

        public ResolutionRecordedEvent resolution() {
            return resolution;
        }
    }

    /** A poll: how it opened and, once counted, how it closed. */
    public static final class Poll {
        private final PollOpenedEvent opened;
        private PollClosedEvent closed;

        Poll(PollOpenedEvent opened) {
            this.opened = opened;
        }

        public PollOpenedEvent opened() {
            return opened;
        }

        public PollClosedEvent closed() {
            return closed;
        }
    }

    /** A participant's time in the session: first joined, last left (null while present), how identity was verified. */
    public record Attendance(PersonRef person, Instant firstJoined, Instant lastJoined, Instant left, String method) {
    }

    private MeetingScheduledEvent scheduled;
    private final Map<String, InvitationAnsweredEvent> answers = new LinkedHashMap<>();
    private final Map<String, Attendance> attendance = new LinkedHashMap<>();
    private final Map<String, String> verifiedBy = new LinkedHashMap<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Poll> polls = new LinkedHashMap<>();
    private MeetingOpenedEvent opened;
    private MeetingClosedEvent closed;

    /** Folds every payload in order (payloads of other types are ignored). */
    public static MeetingHistory of(Iterable<?> payloads) {
        MeetingHistory h = new MeetingHistory();
        for (Object p : payloads) {
            h.apply(p);
        }
        return h;
    }

    public void apply(Object event) {
        if (event instanceof MeetingScheduledEvent e) {
            scheduled = e;
        } else if (event instanceof InvitationAnsweredEvent e) {
            answers.put(e.member().id(), e);
        } else if (event instanceof MeetingOpenedEvent e) {
            opened = e;
        } else if (event instanceof ParticipantIdentityVerifiedEvent e) {
            verifiedBy.put(e.person().id(), e.method());
        } else if (event instanceof ParticipantJoinedEvent e) {
            present.add(e.person().id());
            Attendance before = attendance.get(e.person().id());
            attendance.put(e.person().id(), new Attendance(e.person(),
                    before == null ? e.at() : before.firstJoined(), e.at(), null, verifiedBy.get(e.person().id())));
        } else if (event instanceof ParticipantLeftEvent e) {
            present.remove(e.person().id());
            Attendance a = attendance.get(e.person().id());
            if (a != null) {
                attendance.put(e.person().id(), new Attendance(a.person(), a.firstJoined(), a.lastJoined(), e.at(),
                        a.method()));
            }
        } else if (event instanceof AgendaItemAddedEvent e) {
            items.put(e.itemId(), new Item(e, items.size()));
        } else if (event instanceof AgendaItemStartedEvent e) {
            item(e.itemId()).started = e;
        } else if (event instanceof ConflictOfInterestDeclaredEvent e) {
            item(e.itemId()).recusals.add(e);
        } else if (event instanceof PollOpenedEvent e) {
            Poll poll = new Poll(e);
            polls.put(e.pollId(), poll);
            item(e.itemId()).polls.add(poll);
        } else if (event instanceof PollClosedEvent e) {
            polls.get(e.pollId()).closed = e;
        } else if (event instanceof ResolutionRecordedEvent e) {
            item(e.itemId()).resolution = e;
        } else if (event instanceof MeetingClosedEvent e) {
            closed = e;
        }
        // other events do not change what the minutes or the proofs say
    }

    private Item item(String itemId) {
        Item item = items.get(itemId);
        if (item == null) {
            throw new IllegalStateException("no agenda item " + itemId + " in the history");
        }
        return item;
    }

    public MeetingScheduledEvent scheduled() {
        return scheduled;
    }

    public MeetingOpenedEvent opened() {
        return opened;
    }

    public MeetingClosedEvent closed() {
        return closed;
    }

    public Map<String, InvitationAnsweredEvent> answers() {
        return answers;
    }

    /** Everyone who joined at some point, in the order they first joined. */
    public Map<String, Attendance> attendance() {
        return attendance;
    }

    /** Who is in the session now (after the events folded so far). */
    public Set<String> present() {
        return present;
    }

    public Poll poll(String pollId) {
        return polls.get(pollId);
    }

    /** The agenda in the order it prints: by section, then as the items were added to it. */
    public List<Item> agenda() {
        return items.values().stream()
                .sorted(Comparator.<Item>comparingInt(i -> i.added.section().number()).thenComparingInt(i -> i.order))
                .toList();
    }

    /** The committee member with this person id, or null. */
    public CommitteeMember member(String personId) {
        return scheduled.members().stream().filter(m -> personId.equals(m.personId())).findFirst().orElse(null);
    }

    /** Voting members of the committee (counted for the quorum). */
    public int votingMembers() {
        return (int) scheduled.members().stream().filter(m -> m.role().voting()).count();
    }

    // ------------------------------------------------------------------ the replay proof of a poll

    /** A member as the proof names them. */
    public record Presence(String personId, String name, String role, Instant joinedAt) {
    }

    /**
     * Presence, recusals, eligibility and quorum at the instant poll {@code pollId} opened, recomputed from the
     * events before it, beside what the poll's own event recorded; {@code matches} says whether they agree.
     */
    public record PollProof(String pollId, String itemId, Instant openedAt, int eventsReplayed, List<Presence> present,
                            List<Presence> recused, List<String> eligible, int presentVoting, int members,
                            int required, boolean quorumMet, List<String> recordedEligible, int recordedPresent,
                            int recordedRequired, boolean matches) {
    }

    /** Replays {@code payloads} up to the opening of {@code pollId}; null if the poll never opened. */
    public static PollProof proveAt(Iterable<?> payloads, String pollId) {
        MeetingHistory h = new MeetingHistory();
        int replayed = 0;
        for (Object p : payloads) {
            if (p instanceof PollOpenedEvent e && e.pollId().equals(pollId)) {
                return h.proof(e, replayed);
            }
            h.apply(p);
            replayed++;
        }
        return null;
    }

    private PollProof proof(PollOpenedEvent e, int replayed) {
        Set<String> recusedIds = new LinkedHashSet<>();
        List<Presence> recused = new ArrayList<>();
        for (ConflictOfInterestDeclaredEvent d : item(e.itemId()).recusals) {
            if (recusedIds.add(d.member().id())) {
                recused.add(presence(d.member().id()));
            }
        }
        List<Presence> here = new ArrayList<>();
        List<String> eligible = new ArrayList<>();
        int presentVoting = 0;
        for (String id : present) {
            here.add(presence(id));
            CommitteeMember m = member(id);
            if (m != null && m.role().voting()) {
                presentVoting++;
                if (!recusedIds.contains(id)) {
                    eligible.add(id);
                }
            }
        }
        int members = votingMembers();
        int required = scheduled.quorumRule().required(members);
        boolean matches = eligible.equals(e.eligibleVoters()) && eligible.size() == e.present()
                && required == e.required();
        return new PollProof(e.pollId(), e.itemId(), e.at(), replayed, here, recused, eligible, presentVoting,
                members, required, eligible.size() >= required, List.copyOf(e.eligibleVoters()), e.present(),
                e.required(), matches);
    }

    private Presence presence(String personId) {
        CommitteeMember m = member(personId);
        Attendance a = attendance.get(personId);
        return new Presence(personId, m == null ? null : m.name(), m == null ? null : m.role().name(),
                a == null ? null : a.lastJoined());
    }
}
