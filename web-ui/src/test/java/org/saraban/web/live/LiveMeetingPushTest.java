package org.saraban.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A meeting's topic over a real port: every event reaches a participant in order with a strictly increasing
 * seq; a client offline for 100 events gets each of them exactly once on reconnecting; nobody else may
 * subscribe, not even a colleague of the organising agency.
 */
class LiveMeetingPushTest extends LiveTestSupport {

    private String meeting() throws Exception {
        String committee = postJson("dga.clerk", "/api/committees", Map.of(
                "name", "คณะทำงานทดสอบการประชุมสด " + System.nanoTime(), "type", "GENERAL",
                "members", List.of(
                        Map.of("personId", id("dga.director"), "role", "CHAIR", "committeePosition", "ประธาน"),
                        Map.of("personId", id("dga.officer"), "role", "MEMBER", "committeePosition", "กรรมการ"),
                        Map.of("personId", id("dga.head"), "role", "SECRETARY", "committeePosition", "เลขานุการ"))),
                201).get("committeeId").asText();
        return postJson("dga.head", "/api/meetings", Map.of("committeeId", committee, "title", "การประชุมสด",
                "startsAt", clock.instant().plus(Duration.ofHours(1)).toString(), "online", true), 201)
                .get("id").asText();
    }

    @Test
    void a_participant_follows_every_event_in_order_and_catches_up_after_100_missed() throws Exception {
        String id = meeting();
        String topic = "/topic/meetings/" + id;
        Client officer = connect(sessionCookie("dga.officer"));
        officer.subscribe(topic);
        awaitSubscribed("dga.officer", topic);

        postJson("dga.director", "/api/meetings/" + id + "/open", null, 200);
        postJson("dga.director", "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        JsonNode joined = officer.await(n -> "QuorumChanged".equals(n.path("type").asText()));
        List<JsonNode> live = officer.received();
        // (the scheduling may still be on its way when the client subscribed: then it comes first)
        assertThat(live.stream().map(n -> n.get("type").asText()).toList())
                .endsWith("MeetingOpened", "ParticipantIdentityVerified", "ParticipantJoined", "QuorumChanged");
        assertThat(live.stream().map(n -> n.get("seq").asLong()).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(joined.get("payload").get("present").asInt()).isEqualTo(1);
        long lastSeen = joined.get("seq").asLong();

        // offline while 100 events happen
        officer.close();
        for (int i = 1; i <= 100; i++) {
            postJson("dga.head", "/api/meetings/" + id + "/agenda-items", Map.of("section", 4, "title", "เรื่องที่ " + i), 200);
        }
        Client back = connect(sessionCookie("dga.officer"));
        back.subscribe(topic);
        awaitSubscribed("dga.officer", topic);
        JsonNode missed = getJson("dga.officer", "/api/meetings/" + id + "/events?after=" + lastSeen, 200).get("events");
        List<Long> seqs = new ArrayList<>();
        missed.forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).hasSize(100).isSorted().doesNotHaveDuplicates().allMatch(s -> s > lastSeen);
        assertThat(missed.findValuesAsText("title")).startsWith("เรื่องที่ 1", "เรื่องที่ 2").endsWith("เรื่องที่ 100");

        // and then live again, after what it fetched
        postJson("dga.head", "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        JsonNode next = back.await(n -> "ParticipantJoined".equals(n.path("type").asText()));
        assertThat(next.get("seq").asLong()).isGreaterThan(seqs.get(seqs.size() - 1));
    }

    @Test
    void only_the_meetings_participants_may_subscribe() throws Exception {
        String id = meeting();
        for (String outsider : List.of("soc.clerk", "dga.clerk")) {
            Client client = connect(sessionCookie(outsider));
            client.subscribe("/topic/meetings/" + id);
            client.awaitRefusal("subscription refused: /topic/meetings/" + id);
        }
    }
}
