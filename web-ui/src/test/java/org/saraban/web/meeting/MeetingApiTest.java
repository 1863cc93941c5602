package org.saraban.web.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** A meeting through the HTTP API: committee, schedule, agenda, verified joins, quorum, a secret poll, resolution. */
class MeetingApiTest extends WebTestSupport {

    private static Map<String, Object> member(String username, String role, String committeePosition) {
        return Map.of("personId", id(username), "role", role, "committeePosition", committeePosition);
    }

    @Test
    void a_meeting_from_schedule_to_a_secret_poll_and_its_resolution() throws Exception {
        String committee = postJson("dga.clerk", "/api/committees", Map.of(
                "name", "คณะทำงานพัฒนาระบบสารบรรณ " + System.nanoTime(),
                "appointedBy", "คำสั่งสำนักงานพัฒนารัฐบาลดิจิทัล ที่ ๑๕/๒๕๖๙",
                "type", "GENERAL",
                "members", List.of(member("dga.director", "CHAIR", "ประธานกรรมการ"),
                        member("dga.officer", "MEMBER", "กรรมการ"), member("dga.officer2", "MEMBER", "กรรมการ"),
                        member("soc.director", "MEMBER", "กรรมการ"), member("opdc.director", "MEMBER", "กรรมการ"),
                        member("dga.head", "SECRETARY", "กรรมการและเลขานุการ"))), 201).get("committeeId").asText();

        JsonNode scheduled = postJson("dga.head", "/api/meetings", Map.of("committeeId", committee,
                "title", "การประชุมคณะทำงาน", "startsAt", clock.instant().plus(Duration.ofHours(1)).toString(),
                "online", true, "conferenceUrl", "https://e-meeting.example/join/1"), 201);
        String id = scheduled.get("id").asText();
        assertThat(scheduled.get("number").asText()).startsWith("ครั้งที่ ๑/");
        assertThat(scheduled.get("quorum").get("required").asInt()).isEqualTo(3);

        postJson("dga.head", "/api/meetings/" + id + "/agenda-items", Map.of("section", 1, "title", "ประธานแจ้ง"), 200);
        JsonNode agenda = postJson("dga.head", "/api/meetings/" + id + "/agenda-items",
                Map.of("section", 5, "title", "ขอความเห็นชอบแผนงาน"), 200).get("agenda");
        String item = agenda.get(1).get("itemId").asText();
        assertThat(agenda.get(1).get("number").asText()).isEqualTo("๕.๑");

        postJson("dga.director", "/api/meetings/" + id + "/open", null, 200);
        JsonNode refused = postJson("dga.officer", "/api/meetings/" + id + "/join", Map.of("password", "guess"), 422);
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("password");
        postJson("dga.director", "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        postJson("dga.head", "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        postJson("dga.director", "/api/meetings/" + id + "/agenda-items/" + item + "/start", null, 200);
        Map<String, Object> poll = Map.of("itemId", item, "question", "เห็นชอบแผนงานหรือไม่",
                "options", List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง"), "secret", true);
        assertThat(postJson("dga.director", "/api/meetings/" + id + "/polls", poll, 409).get("code").asText())
                .isEqualTo("QUORUM_NOT_MET");

        JsonNode joined = postJson("dga.officer", "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        assertThat(joined.get("quorum").get("met").asBoolean()).isTrue();
        assertThat(joined.get("attendance").findValuesAsText("what")).contains("IDENTITY_VERIFIED", "JOINED");
        JsonNode opened = postJson("dga.director", "/api/meetings/" + id + "/polls", poll, 200);
        String pollId = opened.get("polls").get(0).get("pollId").asText();
        assertThat(opened.get("polls").get(0).get("eligible")).hasSize(3);

        // a member in the room asks for the minimal answer: the vote's position, its event comes on the topic
        MvcResult minimal = call(as(post("/api/meetings/" + id + "/polls/" + pollId + "/votes")
                .contentType(MediaType.APPLICATION_JSON).header("Prefer", "return=minimal")
                .content(json.writeValueAsBytes(Map.of("choice", "เห็นชอบ"))), "dga.director"));
        assertStatus(minimal, 200);
        assertThat(minimal.getResponse().getHeader("Preference-Applied")).isEqualTo("return=minimal");
        JsonNode receipt = body(minimal);
        assertThat(receipt.properties()).extracting(Map.Entry::getKey).containsExactly("id", "seq");
        assertThat(receipt.get("seq").asLong()).isGreaterThan(opened.get("seq").asLong());
        // ...and what it answered is already in the live state (read-your-writes)
        assertThat(getJson("dga.director", "/api/meetings/" + id, 200).get("seq").asLong())
                .isGreaterThanOrEqualTo(receipt.get("seq").asLong());
        for (String voter : List.of("dga.head", "dga.officer")) {
            postJson(voter, "/api/meetings/" + id + "/polls/" + pollId + "/votes",
                    Map.of("choice", voter.equals("dga.officer") ? "ไม่เห็นชอบ" : "เห็นชอบ"), 200);
        }
        assertThat(postJson("soc.director", "/api/meetings/" + id + "/polls/" + pollId + "/votes",
                Map.of("choice", "เห็นชอบ"), 403).get("code").asText()).isEqualTo("NOT_ELIGIBLE");
        JsonNode live = getJson("dga.officer2", "/api/meetings/" + id, 200).get("polls").get(0);
        assertThat(live.get("votes").asInt()).isEqualTo(3);
        assertThat(live.get("counts").isNull()).as("no running count of a secret poll").isTrue();

        JsonNode closed = postJson("dga.director", "/api/meetings/" + id + "/polls/" + pollId + "/close", null, 200);
        assertThat(closed.get("polls").get(0).get("counts").get("เห็นชอบ").asInt()).isEqualTo(2);
        assertThat(closed.get("polls").get(0).get("counts").get("ไม่เห็นชอบ").asInt()).isEqualTo(1);
        JsonNode resolved = postJson("dga.head", "/api/meetings/" + id + "/agenda-items/" + item + "/resolution",
                Map.of("type", "ENDORSED", "text", "เห็นชอบแผนงานตามที่เสนอ", "pollId", pollId), 200);
        assertThat(resolved.get("agenda").get(1).get("resolution").get("typeThai").asText())
                .isEqualTo("ที่ประชุมพิจารณาแล้วมีมติเห็นชอบ");
        postJson("dga.director", "/api/meetings/" + id + "/close", null, 200);

        // a reconnecting client gets every event after its last seq, in order; a ballot shows no choice
        JsonNode all = getJson("opdc.director", "/api/meetings/" + id + "/events?after=0", 200).get("events");
        List<Long> seqs = new ArrayList<>();
        all.forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(all.findValuesAsText("type")).contains("MeetingScheduled", "ParticipantJoined", "PollOpened",
                "BallotCast", "PollClosed", "ResolutionRecorded", "MeetingClosed");
        all.forEach(e -> {
            if ("BallotCast".equals(e.get("type").asText())) {
                assertThat(e.get("payload").has("sealedBallot")).isFalse();
            }
        });
        long middle = seqs.get(seqs.size() / 2);
        JsonNode later = getJson("opdc.director", "/api/meetings/" + id + "/events?after=" + middle, 200).get("events");
        assertThat(later).hasSize((int) seqs.stream().filter(s -> s > middle).count());

        // someone neither taking part nor of the organising agency does not see the meeting
        assertStatus(call(as(get("/api/meetings/" + id), "soc.clerk")), 404);
        assertThat(getJson("soc.clerk", "/api/meetings", 200).findValuesAsText("id")).doesNotContain(id);
        assertThat(getJson("soc.director", "/api/meetings", 200).findValuesAsText("id")).contains(id);
    }

    @Test
    void the_chair_runs_the_floor_mutes_suspends_and_problems_and_the_recording_are_kept() throws Exception {
        String committee = postJson("dga.clerk", "/api/committees", Map.of("name", "คณะทำงานควบคุมการประชุม "
                        + System.nanoTime(), "type", "GENERAL", "members", List.of(
                        member("dga.director", "CHAIR", "ประธาน"), member("dga.officer", "MEMBER", "กรรมการ"),
                        member("dga.head", "SECRETARY", "เลขานุการ"))), 201).get("committeeId").asText();
        String id = postJson("dga.head", "/api/meetings", Map.of("committeeId", committee, "title", "การประชุม",
                "startsAt", clock.instant().plus(Duration.ofHours(1)).toString(), "online", true), 201)
                .get("id").asText();
        postJson("dga.director", "/api/meetings/" + id + "/open", null, 200);
        for (String who : List.of("dga.director", "dga.officer", "dga.head")) {
            postJson(who, "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        }

        postJson("dga.officer", "/api/meetings/" + id + "/speakers", null, 200);
        JsonNode queued = postJson("dga.head", "/api/meetings/" + id + "/speakers", null, 200);
        assertThat(queued.get("speakers").findValuesAsText("personId")).containsExactly(id("dga.officer"), id("dga.head"));
        JsonNode floor = postJson("dga.director", "/api/meetings/" + id + "/floor", null, 200);
        assertThat(floor.get("speaking").get("personId").asText()).isEqualTo(id("dga.officer"));
        assertThat(floor.get("speakers").findValuesAsText("personId")).containsExactly(id("dga.head"));

        JsonNode muted = postJson("dga.director", "/api/meetings/" + id + "/participants/" + id("dga.officer")
                + "/mute", Map.of("muted", true), 200);
        assertThat(muted.get("members").findValues("muted")).extracting(JsonNode::asBoolean).containsExactly(true);
        assertThat(postJson("dga.officer", "/api/meetings/" + id + "/participants/" + id("dga.head") + "/mute",
                Map.of("muted", true), 403).get("code").asText()).isEqualTo("NOT_THE_CHAIR");

        assertThat(postJson("dga.director", "/api/meetings/" + id + "/suspend", Map.of("reason", "สัญญาณขัดข้อง"), 200)
                .get("status").asText()).isEqualTo("SUSPENDED");
        JsonNode problem = postJson("dga.officer", "/api/meetings/" + id + "/problems",
                Map.of("text", "ภาพจากห้องประชุมค้าง"), 200);
        assertThat(problem.get("problems").get(0).get("text").asText()).isEqualTo("ภาพจากห้องประชุมค้าง");
        assertThat(postJson("dga.director", "/api/meetings/" + id + "/resume", null, 200).get("status").asText())
                .isEqualTo("OPEN");

        MvcResult upload = call(as(multipart("/api/files").file(new MockMultipartFile("file", "meeting.webm",
                "video/webm", new byte[] {26, 69, (byte) 223, (byte) 163, 1, 2, 3})), "dga.head"));
        assertStatus(upload, 201);
        String sha = body(upload).get("sha256").asText();
        JsonNode recorded = postJson("dga.head", "/api/meetings/" + id + "/recording", Map.of("sha256", sha), 200);
        assertThat(recorded.get("recording").get("sha256").asText()).isEqualTo(sha);
        assertThat(postJson("dga.head", "/api/meetings/" + id + "/recording", Map.of("sha256", "0".repeat(64)), 422)
                .get("errors").get(0).get("field").asText()).isEqualTo("sha256");
    }
}
