package org.saraban.command.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saraban.command.meeting.MeetingTest.CHAIR;
import static org.saraban.command.meeting.MeetingTest.MEETING;
import static org.saraban.command.meeting.MeetingTest.STARTS;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saraban.api.meeting.PollOpenedEvent;

/** The replay proof of a poll: presence, recusals, eligibility and quorum recomputed from the events before it. */
class MeetingHistoryTest {

    @Test
    void the_proof_recomputes_who_was_present_and_eligible_when_the_poll_opened() {
        List<Object> events = MinutesTest.session();
        MeetingHistory.PollProof proof = MeetingHistory.proveAt(events, "poll-1");
        assertThat(proof.present()).extracting(MeetingHistory.Presence::personId)
                .containsExactly("p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-9", "p-invitee");
        assertThat(proof.recused()).extracting(MeetingHistory.Presence::personId).containsExactly("p-6");
        assertThat(proof.eligible()).containsExactly("p-1", "p-2", "p-3", "p-4", "p-5", "p-9");
        assertThat(proof.presentVoting()).isEqualTo(7);
        assertThat(proof.members()).isEqualTo(9);
        assertThat(proof.required()).isEqualTo(5);
        assertThat(proof.quorumMet()).isTrue();
        assertThat(proof.matches()).isTrue();
        // the events after the opening (a member leaving) do not change the proof
        assertThat(proof.eventsReplayed()).isEqualTo(events.indexOf(events.stream()
                .filter(e -> e instanceof PollOpenedEvent).findFirst().orElseThrow()));
        assertThat(MeetingHistory.proveAt(events, "no-such-poll")).isNull();
    }

    @Test
    void a_poll_that_recorded_a_different_electorate_does_not_match_its_replay() {
        List<Object> events = new ArrayList<>(MinutesTest.session());
        int at = events.indexOf(events.stream().filter(e -> e instanceof PollOpenedEvent).findFirst().orElseThrow());
        PollOpenedEvent honest = (PollOpenedEvent) events.get(at);
        events.set(at, new PollOpenedEvent(MEETING, "poll-1", "i5", honest.question(), honest.options(), true,
                List.of("p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-9"), 7, 5, CHAIR.ref(), STARTS));
        MeetingHistory.PollProof proof = MeetingHistory.proveAt(events, "poll-1");
        assertThat(proof.matches()).isFalse();
        assertThat(proof.recordedEligible()).contains("p-6");
        assertThat(proof.eligible()).doesNotContain("p-6");
    }
}
