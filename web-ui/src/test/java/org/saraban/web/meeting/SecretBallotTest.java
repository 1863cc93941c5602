package org.saraban.web.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.meeting.AddAgendaItemCommand;
import org.saraban.api.meeting.CastVoteCommand;
import org.saraban.api.meeting.ClosePollCommand;
import org.saraban.api.meeting.CommitteeMember;
import org.saraban.api.meeting.CommitteeRole;
import org.saraban.api.meeting.CreateCommitteeCommand;
import org.saraban.api.meeting.JoinMeetingCommand;
import org.saraban.api.meeting.MeetingType;
import org.saraban.api.meeting.OpenMeetingCommand;
import org.saraban.api.meeting.OpenPollCommand;
import org.saraban.api.meeting.ScheduleMeetingCommand;
import org.saraban.api.meeting.StartAgendaItemCommand;
import org.saraban.web.WebTestSupport;
import org.saraban.web.config.StorageConfig;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0008 proved on the raw collections: a whole secret poll through the command bus and the real store,
 * then everything MongoDB holds is read as it is. The events say who voted and what the count was; no
 * document names a voter beside a choice, each ballot is sealed (equal choices, different ballots), the
 * poll's private key is only ever stored encrypted, and after the count it is gone.
 */
class SecretBallotTest extends WebTestSupport {

    static final List<String> OPTIONS = List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง");

    @Autowired
    CommandGateway commands;
    @Autowired
    StorageConfig.Store store;

    @Test
    void nothing_in_mongodb_links_a_voter_to_a_choice() throws Exception {
        String run = UUID.randomUUID().toString();
        Actor clerk = actor("clerk-" + run, "นางสาวสารบรรณ", Role.CLERK);
        List<Actor> voters = new ArrayList<>();
        List<CommitteeMember> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Actor a = actor("voter-" + i + "-" + run, "กรรมการคนที่ " + (i + 1), Role.OFFICER);
            voters.add(a);
            members.add(new CommitteeMember(a.personId(), a.displayName(), a.position(), "สพร",
                    i == 0 ? "ประธานกรรมการ" : "กรรมการ", i == 0 ? CommitteeRole.CHAIR : CommitteeRole.MEMBER));
        }
        Actor chair = voters.get(0);
        String committee = "committee-" + run;
        String meeting = "meeting-" + run;
        String poll = "poll-" + run;
        Instant at = clock.instant();
        commands.sendAndWait(new CreateCommitteeCommand(committee, clerk, "คณะทำงานทดสอบการลงคะแนนลับ", null,
                MeetingType.GENERAL, members, null, at));
        commands.sendAndWait(new ScheduleMeetingCommand(meeting, committee, clerk, "การประชุมทดสอบ", at.plusSeconds(60),
                null, null, true, null, at));
        commands.sendAndWait(new AddAgendaItemCommand(meeting, "item-1", chair, 5, "แผนงานประจำปี", null, null,
                List.of(), at));
        commands.sendAndWait(new OpenMeetingCommand(meeting, chair, at));
        for (Actor v : voters) {
            commands.sendAndWait(new JoinMeetingCommand(meeting, v, "PASSWORD", "203.0.113.7", "test", at));
        }
        commands.sendAndWait(new StartAgendaItemCommand(meeting, "item-1", chair, at));
        commands.sendAndWait(new OpenPollCommand(meeting, poll, "item-1", chair, "เห็นชอบแผนงานหรือไม่", OPTIONS, true,
                at));

        List<String> choices = List.of("เห็นชอบ", "เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง", "เห็นชอบ");
        for (int i = 0; i < voters.size(); i++) {
            commands.sendAndWait(new CastVoteCommand(meeting, poll, voters.get(i), choices.get(i), at));
        }

        // during the poll: the private key is in MongoDB only encrypted under a secret that is not there
        MongoDatabase db = store.database();
        Document key = db.getCollection("ballot_keys").find(new Document("_id", poll)).first();
        assertThat(key).isNotNull();
        byte[] sealedPrivate = key.get("sealedPrivateKey", Binary.class).getData();
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(sealedPrivate)))
                .isInstanceOf(java.security.spec.InvalidKeySpecException.class);

        commands.sendAndWait(new ClosePollCommand(meeting, poll, chair, at));

        // the count is recorded ...
        List<Document> events = new ArrayList<>();
        db.getCollection("events").find(new Document("aggregateIdentifier", meeting)).into(events);
        Document closed = events.stream().filter(e -> e.getString("payloadType").endsWith("PollClosedEvent"))
                .findFirst().orElseThrow();
        Map<?, ?> counts = json.readValue(closed.getString("payload"), Map.class);
        assertThat((Map<?, ?>) counts.get("counts")).isEqualTo(Map.of("เห็นชอบ", 3, "ไม่เห็นชอบ", 1, "งดออกเสียง", 1));

        // ... who voted is recorded, each ballot sealed and different, no choice beside a voter
        List<Document> ballots = events.stream().filter(e -> e.getString("payloadType").endsWith("BallotCastEvent"))
                .toList();
        assertThat(ballots).hasSize(5);
        Set<String> sealed = new java.util.HashSet<>();
        for (Document b : ballots) {
            String payload = b.getString("payload");
            assertThat(OPTIONS).noneMatch(payload::contains);
            sealed.add(json.readTree(payload).get("sealedBallot").asText());
        }
        assertThat(sealed).as("equal choices give different ballots").hasSize(5);
        // no record anywhere pairs one voter with one choice: no object (with the objects inside it) holds both a
        // voter's id and a choice as values; lists (who was eligible, who voted, the options) and the counts' keys
        // say nothing about who chose what. The scan itself is shown to catch a record that did pair them.
        Document planted = new Document("voter", new Document("id", voters.get(2).personId())).append("choice",
                choices.get(2));
        assertThat(pairsAVoterWithAChoice(planted, voters)).isTrue();
        for (String name : db.listCollectionNames()) {
            for (Document d : db.getCollection(name).find()) {
                assertThat(pairsAVoterWithAChoice(d, voters)).as("%s pairs a voter with a choice: %s", name, d)
                        .isFalse();
            }
        }
        // ... and after the count nothing in MongoDB can open a ballot: the poll's key is gone
        assertThat(db.getCollection("ballot_keys").countDocuments(new Document("_id", poll))).isZero();
    }

    /** Every object in the document, nested ones and list elements included; JSON event payloads parsed. */
    private void objects(Object value, List<Map<?, ?>> out) {
        value = parsed(value);
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> parsed = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                parsed.put(e.getKey(), parsed(e.getValue()));
            }
            out.add(parsed);
            for (Object v : parsed.values()) {
                objects(v, out);
            }
        } else if (value instanceof List<?> list) {
            for (Object v : list) {
                objects(v, out);
            }
        }
    }

    private boolean pairsAVoterWithAChoice(Document document, List<Actor> voters) {
        List<Map<?, ?>> records = new ArrayList<>();
        objects(document, records);
        for (Map<?, ?> record : records) {
            Set<String> values = new java.util.HashSet<>();
            scalars(record, values);
            if (voters.stream().anyMatch(v -> values.contains(v.personId())) && OPTIONS.stream().anyMatch(values::contains)) {
                return true;
            }
        }
        return false;
    }

    /** An event's JSON payload as the object it is; anything else as it is. */
    private Object parsed(Object value) {
        if (value instanceof String text && text.startsWith("{")) {
            try {
                return json.readValue(text, Map.class);
            } catch (com.fasterxml.jackson.core.JacksonException notJson) {
                return value;
            }
        }
        return value;
    }

    /** The scalar values of an object and of the objects inside it (not of its lists). */
    private static void scalars(Map<?, ?> record, Set<String> out) {
        for (Map.Entry<?, ?> e : record.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> inner) {
                scalars(inner, out);
            } else if (!(e.getValue() instanceof List<?>) && e.getValue() != null) {
                out.add(String.valueOf(e.getValue()));
            }
        }
    }

    private static Actor actor(String id, String name, Role role) {
        return new Actor(id, name, "ตำแหน่งของ " + name, "สพร", null, Set.of(role), "PASSWORD");
    }
}
