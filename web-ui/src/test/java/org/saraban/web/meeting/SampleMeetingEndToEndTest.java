package org.saraban.web.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.Role;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.web.signing.PdfTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The acceptance test of issue 5: the committee and the meeting of {@code ../shared/samples/meetings}, run
 * through the HTTP API from scheduling to filed minutes. Schedule → invite (a letter through the letter flow,
 * its delivery and receipt recorded) → answers → verified joins (password and TOTP) → quorum → every agenda
 * item → a secret poll with its replay proof → resolutions → close → minutes drafted in the regulation's form,
 * edited, circulated, certified, signed by the secretary and the chair, and filed. The previous meeting's minutes
 * are certified at this meeting's item ๒.๑.
 */
class SampleMeetingEndToEndTest extends PdfTestSupport {

    @Autowired
    private Directory directory;
    @Autowired
    private PasswordEncoder passwords;

    private final String run = Long.toString(System.nanoTime(), 36);

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The sample member with sequence {@code seq}: a person of their agency, who logs in as {@code sample-<run>-<seq>}. */
    private String user(int seq) {
        return "sample-" + run + "-" + seq;
    }

    private String pid(int seq) {
        return "person-sample-" + run + "-" + seq;
    }

    /** The sample's people and agencies in the directory, as an agency's administrator would enter them. */
    private void directoryFrom(JsonNode committee, JsonNode invitee) {
        Set<String> known = Set.of("สพร", "นร ๐๕", "นร ๑๒");
        for (JsonNode m : committee.get("members")) {
            String agency = m.get("agencyCode").asText();
            if (!known.contains(agency) && directory.agency(agency).isEmpty()) {
                directory.saveAgency(new Agency(agency, m.get("agencyName").asText(), null, null, null, null,
                        List.of(new Agency.Unit("๐๑", "สำนักงานเลขานุการ"))));
            }
            String role = m.get("role").asText();
            Set<Role> roles = role.equals("CHAIR") ? Set.of(Role.APPROVER, Role.SIGNER)
                    : role.equals("SECRETARY") ? Set.of(Role.OFFICER, Role.CLERK) : Set.of(Role.OFFICER);
            save(m.get("seq").asInt(), m.get("name").asText(), m.get("position").asText(), agency, roles);
        }
        save(10, invitee.get("name").asText(), invitee.get("position").asText(), "สพร", Set.of(Role.OFFICER));
    }

    private void save(int seq, String name, String position, String agency, Set<Role> roles) {
        String unit = directory.agency(agency).map(a -> a.units().isEmpty() ? null : a.units().get(0).code()).orElse(null);
        directory.savePerson(new Person(pid(seq), user(seq), name, position, agency, unit, roles, null));
        directory.saveAccount(user(seq), passwords.encode(PASSWORD), pid(seq));
    }

    @Test
    void the_sample_meeting_from_invitation_to_filed_minutes() throws Exception {
        JsonNode committeeSample = json.readTree(Files.readAllBytes(sharedSamples("meetings").resolve("committee-01.json")));
        JsonNode meetingSample = json.readTree(Files.readAllBytes(sharedSamples("meetings").resolve("meeting-01.json")));
        String minutesSample = Files.readString(sharedSamples("meetings").resolve("minutes-01.txt"));
        JsonNode invitee = json.readTree("{\"name\": \"นางสาวมณีรัตน์ ศรีทอง\", \"position\": \"นักวิชาการคอมพิวเตอร์\"}");
        assertThat(minutesSample).contains(invitee.get("name").asText());
        directoryFrom(committeeSample, invitee);
        Instant now = Instant.now();
        clock.set(now);

        // the committee, as appointed
        List<Map<String, Object>> members = new ArrayList<>();
        for (JsonNode m : committeeSample.get("members")) {
            members.add(Map.of("personId", pid(m.get("seq").asInt()), "role", m.get("role").asText(),
                    "committeePosition", m.get("committeePosition").asText()));
        }
        members.add(Map.of("personId", pid(10), "role", "INVITEE", "committeePosition", "ผู้เข้าร่วมประชุม"));
        String committee = postJson("dga.clerk", "/api/committees", Map.of("name", committeeSample.get("name").asText(),
                "appointedBy", committeeSample.get("appointedBy").asText(), "type", "GENERAL", "members", members), 201)
                .get("committeeId").asText();

        // the previous meeting (ครั้งที่ ๑), held and closed: its minutes await certification at the next one
        String first = previousMeeting(committee, now.plus(Duration.ofDays(1)));
        String number = getJson(user(9), "/api/meetings/" + first, 200).get("number").asText();
        assertThat(number).startsWith("ครั้งที่ ๑/");

        // ---------------------------------------------------------------- schedule (ครั้งที่ ๒) and its agenda
        Instant startsAt = now.plus(Duration.ofDays(14));
        JsonNode scheduled = postJson(user(9), "/api/meetings", Map.of("committeeId", committee,
                "title", meetingSample.get("title").asText(), "startsAt", startsAt.toString(),
                "endsAt", startsAt.plus(Duration.ofMinutes(150)).toString(), "place", meetingSample.get("place").asText(),
                "online", true, "conferenceUrl", meetingSample.get("conferenceUrl").asText()), 201);
        String id = scheduled.get("id").asText();
        assertThat(scheduled.get("number").asText()).isEqualTo(number.replace("ครั้งที่ ๑/", "ครั้งที่ ๒/"));
        assertThat(scheduled.get("quorum").get("required").asInt()).isEqualTo(committeeSample.get("quorum").asInt());

        Map<String, String> itemIds = new LinkedHashMap<>();
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (JsonNode section : meetingSample.get("agenda")) {
            for (JsonNode item : section.get("items")) {
                List<Map<String, String>> documents = new ArrayList<>();
                for (JsonNode title : item.get("documents")) {
                    documents.add(Map.of("title", title.asText(), "sha256", upload(title.asText())));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("section", section.get("section").asInt());
                body.put("title", item.get("title").asText());
                body.put("description", item.get("description").asText());
                body.put("presenter", item.get("presenter").asText());
                body.put("documents", documents);
                JsonNode agenda = postJson(user(9), "/api/meetings/" + id + "/agenda-items", body, 200).get("agenda");
                JsonNode added = agenda.get(agenda.size() - 1);
                assertThat(added.get("number").asText()).isEqualTo(item.get("number").asText());
                itemIds.put(item.get("number").asText(), added.get("itemId").asText());
                items.put(item.get("number").asText(), item);
            }
        }

        // the papers are served to the meeting's participants, by their hash, and to nobody else
        String paper = items.values().stream().filter(i -> i.get("documents").size() > 0).findFirst().orElseThrow()
                .get("documents").get(0).asText();
        JsonNode withPapers = getJson(user(3), "/api/meetings/" + id, 200);
        String paperSha = withPapers.get("agenda").findValues("documents").stream().filter(d -> d.size() > 0)
                .findFirst().orElseThrow().get(0).get("sha256").asText();
        MvcResult download = call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/api/meetings/" + id + "/documents/" + paperSha), user(3)));
        assertStatus(download, 200);
        assertThat(download.getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith(paper);
        assertStatus(call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/api/meetings/" + id + "/documents/" + paperSha), "soc.clerk")), 404);

        // ---------------------------------------------------------------- the invitation, through the letter flow
        String letter = postJson("dga.clerk", "/api/meetings/" + id + "/invitations", null, 201).get("letterId").asText();
        JsonNode draft = getJson("dga.clerk", "/api/letters/" + letter, 200);
        assertThat(draft.get("subject").asText()).isEqualTo("ขอเชิญประชุม" + committeeSample.get("name").asText() + " "
                + scheduled.get("number").asText());
        assertThat(draft.get("to")).hasSize(10);
        assertThat(draft.get("enclosures")).hasSize(8);
        assertThat(draft.get("body").toString()).contains("ระเบียบวาระที่ ๕ เรื่องเสนอเพื่อพิจารณา ๕.๑",
                meetingSample.get("conferenceUrl").asText());
        postJson("dga.clerk", "/api/letters/" + letter + "/submit", Map.of("approverId", pid(1)), 200);
        postJson(user(1), "/api/letters/" + letter + "/approve", null, 200);
        postJson(user(1), "/api/letters/" + letter + "/sign", null, 200);
        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + letter + "/dispatch", null, 200);
        String socCopy = null;
        for (JsonNode d : dispatched.get("deliveries")) {
            if ("นร ๐๕".equals(d.get("recipient").get("agencyCode").asText())) {
                socCopy = d.get("copyId").asText();
            }
        }
        JsonNode invited = awaitMeeting(id, m -> m.get("members").findValues("deliveredAt").stream()
                .filter(v -> !v.isNull()).count() == 10);
        assertThat(invited.get("invitations").get(0).get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(invited.get("invitations").get(0).get("number").asText()).isEqualTo(dispatched.get("number").asText());
        // the Cabinet Secretariat registers it: its เลขรับ is recorded against its member
        String copy = socCopy;
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/letters/" + copy),
                        "soc.clerk")).getResponse().getStatus() == 200);
        String receivingNumber = postJson("soc.clerk", "/api/letters/" + copy + "/receive", null, 200)
                .get("receivingNumber").asText();
        JsonNode received = awaitMeeting(id, m -> member(m, pid(2)).get("invitation").get("receivingNumber")
                .asText().equals(receivingNumber));
        assertThat(member(received, pid(3)).get("invitation").get("receivingNumber").isNull()).isTrue();

        // ---------------------------------------------------------------- answers
        postJson(user(6), "/api/meetings/" + id + "/rsvp", Map.of("response", "NOT_ATTENDING",
                "reason", "ติดภารกิจต่างประเทศ"), 200);
        JsonNode bad = postJson(user(5), "/api/meetings/" + id + "/rsvp", Map.of("response", "DELEGATE"), 422);
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("delegateName");
        for (int seq : new int[] {1, 2, 3, 4, 5, 7, 8, 9}) {
            postJson(user(seq), "/api/meetings/" + id + "/rsvp", Map.of("response", "ATTENDING"), 200);
        }

        // ---------------------------------------------------------------- the session: verified joins and quorum
        postJson(user(1), "/api/meetings/" + id + "/open", null, 200);
        String secret = postJson(user(4), "/api/me/totp", null, 200).get("secret").asText();
        clock.set(now.plusSeconds(60));
        postJson(user(4), "/api/me/totp/confirm", Map.of("code", totp(secret, clock.instant())), 200);
        assertThat(getJson(user(4), "/api/me", 200).get("totpEnabled").asBoolean()).isTrue();
        clock.set(startsAt.plusSeconds(60));
        JsonNode wrong = postJson(user(4), "/api/meetings/" + id + "/join", Map.of("totp", "000000".equals(
                totp(secret, clock.instant())) ? "111111" : "000000"), 422);
        assertThat(wrong.get("errors").get(0).get("field").asText()).isEqualTo("totp");
        JsonNode state = null;
        for (int seq : new int[] {1, 9, 2, 3, 4, 5, 7, 8}) {
            Map<String, String> proof = seq == 4 ? Map.of("totp", totp(secret, clock.instant()))
                    : Map.of("password", PASSWORD);
            state = postJson(user(seq), "/api/meetings/" + id + "/join", proof, 200);
            assertThat(state.get("quorum").get("met").asBoolean()).isEqualTo(state.get("quorum").get("present").asInt() >= 5);
        }
        postJson(user(10), "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        assertThat(state.get("quorum").get("present").asInt()).isEqualTo(8);
        assertThat(state.get("attendance").findValuesAsText("method")).contains("PASSWORD", "TOTP");
        assertThat(state.get("attendance").findValuesAsText("address")).isNotEmpty();

        // ---------------------------------------------------------------- every item, with a secret poll on ๕.๑
        String pollId = null;
        for (Map.Entry<String, String> e : itemIds.entrySet()) {
            JsonNode item = items.get(e.getKey());
            JsonNode started = postJson(user(1), "/api/meetings/" + id + "/agenda-items/" + e.getValue() + "/start",
                    null, 200);
            assertThat(started.get("currentItem").asText()).isEqualTo(e.getValue());
            Map<String, Object> resolution = new LinkedHashMap<>();
            if (e.getKey().equals("๕.๑")) {
                JsonNode opened = postJson(user(1), "/api/meetings/" + id + "/polls", Map.of("itemId", e.getValue(),
                        "question", item.get("title").asText(), "options", List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง"),
                        "secret", true), 200);
                pollId = opened.get("polls").get(0).get("pollId").asText();
                for (int seq : new int[] {1, 2, 3, 4, 5, 7, 8, 9}) {
                    postJson(user(seq), "/api/meetings/" + id + "/polls/" + pollId + "/votes",
                            Map.of("choice", seq == 5 ? "งดออกเสียง" : "เห็นชอบ"), 200);
                }
                JsonNode closedPoll = postJson(user(1), "/api/meetings/" + id + "/polls/" + pollId + "/close", null, 200)
                        .get("polls").get(0).get("counts");
                assertThat(closedPoll.get("เห็นชอบ").asInt()).isEqualTo(7);
                assertThat(closedPoll.get("ไม่เห็นชอบ").asInt()).isZero();
                assertThat(closedPoll.get("งดออกเสียง").asInt()).isEqualTo(1);
                resolution.put("pollId", pollId);
            }
            resolution.put("type", resolutionType(item));
            if (item.has("proposedResolutionText")) {
                resolution.put("text", item.get("proposedResolutionText").asText());
            }
            postJson(user(9), "/api/meetings/" + id + "/agenda-items/" + e.getValue() + "/resolution", resolution, 200);
        }

        // the replay proof: presence, eligibility and quorum at the instant the poll opened, from the events
        JsonNode proof = getJson(user(3), "/api/meetings/" + id + "/polls/" + pollId + "/proof", 200);
        assertThat(proof.get("matches").asBoolean()).isTrue();
        assertThat(proof.get("eligible")).hasSize(8);
        assertThat(proof.get("quorumMet").asBoolean()).isTrue();
        assertThat(proof.get("required").asInt()).isEqualTo(5);
        assertThat(proof.get("present").findValuesAsText("personId")).contains(pid(10)).doesNotContain(pid(6));

        // the previous meeting's minutes are certified by this meeting's item ๒.๑
        JsonNode certifiedFirst = postJson(user(9), "/api/meetings/" + first + "/minutes/certify",
                Map.of("method", "NEXT_MEETING", "meetingId", id, "itemId", itemIds.get("๒.๑")), 200);
        assertThat(certifiedFirst.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(certifiedFirst.get("certification").get("meetingNumber").asText())
                .isEqualTo(scheduled.get("number").asText());

        // ---------------------------------------------------------------- close: the minutes are drafted
        clock.set(startsAt.plus(Duration.ofMinutes(140)));
        postJson(user(1), "/api/meetings/" + id + "/close", null, 200);
        JsonNode minutes = getJson(user(3), "/api/meetings/" + id + "/minutes", 200);
        assertThat(minutes.get("status").asText()).isEqualTo("DRAFT");
        assertThat(minutes.get("trafficData").findValuesAsText("what")).contains("IDENTITY_VERIFIED", "JOINED");
        assertThat(minutes.get("trafficData").findValuesAsText("atThai")).allMatch(t -> t.contains(" น."));
        String text = minutes.get("text").asText();
        // the heading and the parts of DOMAIN.md §4.1, in the regulation's words, as the sample minutes have them
        String heading = minutesSample.lines().findFirst().orElseThrow();
        assertThat(text).startsWith(heading + "\n" + scheduled.get("number").asText() + "\n");
        assertThat(text).containsSubsequence("ผู้มาประชุม", "ผู้ไม่มาประชุม", "ผู้เข้าร่วมประชุม", "เริ่มประชุมเวลา",
                "ระเบียบวาระที่ ๑", "ระเบียบวาระที่ ๒", "ระเบียบวาระที่ ๓", "ระเบียบวาระที่ ๔", "ระเบียบวาระที่ ๕",
                "ระเบียบวาระที่ ๖", "เลิกประชุมเวลา", "ผู้จดรายงานการประชุม");
        for (JsonNode m : committeeSample.get("members")) {
            String part = m.get("seq").asInt() == 6 ? "ผู้ไม่มาประชุม" : "ผู้มาประชุม";
            assertThat(section(text, part)).contains(m.get("name").asText());
        }
        assertThat(section(text, "ผู้ไม่มาประชุม")).contains("(ติดภารกิจต่างประเทศ)");
        assertThat(section(text, "ผู้เข้าร่วมประชุม")).contains(invitee.get("name").asText());
        assertThat(text).contains("มีกรรมการมาประชุม ๘ คน จากจำนวนกรรมการทั้งหมด ๙ คน", "ครบเป็นองค์ประชุม",
                "ผลการลงมติ เห็นชอบ ๗ เสียง ไม่เห็นชอบ ไม่มี งดออกเสียง ๑ เสียง");
        for (Map.Entry<String, JsonNode> e : items.entrySet()) {
            assertThat(text).contains(e.getKey() + " " + e.getValue().get("title").asText());
            if (e.getValue().has("proposedResolutionText")) {
                assertThat(text).contains("มติที่ประชุม " + e.getValue().get("proposedResolutionText").asText());
            }
        }
        // the draft's preview prints as the minutes form
        assertThat(text(pdf(user(3), "/api/meetings/" + id + "/minutes/pdf"))).contains(heading, "ผู้จดรายงานการประชุม");

        // ---------------------------------------------------------------- edited, circulated, certified, frozen
        String edited = text.replace("ประธานกล่าวเปิดการประชุม", "ประธานกล่าวเปิดการประชุม และขอบคุณกรรมการทุกท่าน");
        assertStatus(call(as(put("/api/meetings/" + id + "/minutes").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("text", edited, "revision", 1))), user(3))), 403);
        JsonNode revised = putJson(user(9), id, Map.of("text", edited, "revision", 1), 200);
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(putJson(user(9), id, Map.of("text", "เก่า", "revision", 1), 409).get("code").asText())
                .isEqualTo("STALE_REVISION");
        Instant deadline = clock.instant().plus(Duration.ofDays(7));
        postJson(user(9), "/api/meetings/" + id + "/minutes/circulate", Map.of("deadline", deadline.toString()), 200);
        assertThat(postJson(user(9), "/api/meetings/" + id + "/minutes/certify", Map.of("method", "CIRCULATION"), 409)
                .get("code").asText()).isEqualTo("CIRCULATION_NOT_OVER");
        clock.set(deadline.plusSeconds(1));
        JsonNode certified = postJson(user(9), "/api/meetings/" + id + "/minutes/certify",
                Map.of("method", "CIRCULATION"), 200);
        assertThat(certified.get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(putJson(user(9), id, Map.of("text", "หลังรับรอง", "revision", 2), 409).get("code").asText())
                .isEqualTo("MINUTES_CERTIFIED");

        // ---------------------------------------------------------------- signed by the secretary and the chair, filed
        assertThat(postJson(user(3), "/api/meetings/" + id + "/minutes/sign", null, 403).get("code").asText())
                .isEqualTo("NOT_A_SIGNER");
        postJson(user(9), "/api/meetings/" + id + "/minutes/sign", null, 200);
        JsonNode filed = postJson(user(1), "/api/meetings/" + id + "/minutes/sign", Map.of("fileCode", "๐๒.๐๑"), 200);
        assertThat(filed.get("status").asText()).isEqualTo("FILED");
        assertThat(filed.get("filed").get("fileCode").asText()).isEqualTo("๐๒.๐๑");
        assertThat(filed.get("filed").get("retentionYears").asInt()).isEqualTo(10);
        assertThat(filed.get("signatures").findValuesAsText("role")).containsExactly("SECRETARY", "CHAIR");
        byte[] pdf = pdf(user(2), "/api/meetings/" + id + "/minutes/pdf");
        JsonNode report = verify(pdf);
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("signatures")).extracting(n -> n.get("kind").asText() + " " + n.get("level").asText())
                .containsExactly("SIGNATURE PAdES-BASELINE-LTA", "SIGNATURE PAdES-BASELINE-LTA", "DOCUMENT_TIMESTAMP null");
        String printed = text(pdf);
        assertThat(printed).contains(heading, "ขอบคุณกรรมการทุกท่าน", "ผู้จดรายงานการประชุม");

        // the previous meeting's minutes, certified at item ๒.๑, are signed and filed too
        postJson(user(9), "/api/meetings/" + first + "/minutes/sign", null, 200);
        assertThat(postJson(user(1), "/api/meetings/" + first + "/minutes/sign", null, 200).get("status").asText())
                .isEqualTo("FILED");

        // the whole record, in order, for anyone taking part
        JsonNode events = getJson(user(8), "/api/meetings/" + id + "/events?after=0", 200).get("events");
        assertThat(events.findValuesAsText("type")).containsSubsequence("MeetingScheduled", "InvitationLetterDrafted",
                "InvitationLetterProgressed", "InvitationAnswered", "MeetingOpened", "ParticipantIdentityVerified",
                "ParticipantJoined", "PollOpened", "BallotCast", "PollClosed", "ResolutionRecorded", "MeetingClosed",
                "MinutesDrafted", "MinutesEdited", "MinutesCirculated", "MinutesCertified", "MinutesSigned",
                "MinutesSigned", "MinutesFiled");
    }

    /** ครั้งที่ ๑: scheduled, a quorum joins, its item ๑.๑ resolved, closed. */
    private String previousMeeting(String committee, Instant at) throws Exception {
        String id = postJson(user(9), "/api/meetings", Map.of("committeeId", committee, "title", "การประชุมครั้งที่ ๑",
                "startsAt", at.toString(), "online", true), 201).get("id").asText();
        String item = postJson(user(9), "/api/meetings/" + id + "/agenda-items", Map.of("section", 1,
                "title", "ประธานแจ้งที่มาของคณะกรรมการ"), 200).get("agenda").get(0).get("itemId").asText();
        postJson(user(1), "/api/meetings/" + id + "/open", null, 200);
        for (int seq : new int[] {1, 2, 3, 4, 9}) {
            postJson(user(seq), "/api/meetings/" + id + "/join", Map.of("password", PASSWORD), 200);
        }
        postJson(user(1), "/api/meetings/" + id + "/agenda-items/" + item + "/start", null, 200);
        postJson(user(9), "/api/meetings/" + id + "/agenda-items/" + item + "/resolution", Map.of("type",
                "ACKNOWLEDGED"), 200);
        postJson(user(1), "/api/meetings/" + id + "/close", null, 200);
        assertThat(getJson(user(9), "/api/meetings/" + id + "/minutes", 200).get("status").asText()).isEqualTo("DRAFT");
        return id;
    }

    private static String resolutionType(JsonNode item) {
        String proposed = item.has("proposedResolutionType") ? item.get("proposedResolutionType").asText() : "";
        return switch (proposed) {
            case "ENDORSE" -> "ENDORSED";
            case "APPROVE" -> "APPROVED";
            case "ASSIGN" -> "ASSIGNED";
            default -> "ACKNOWLEDGED";
        };
    }

    private static JsonNode member(JsonNode meeting, String personId) {
        for (JsonNode m : meeting.get("members")) {
            if (personId.equals(m.get("personId").asText())) {
                return m;
            }
        }
        throw new AssertionError("no member " + personId);
    }

    /** The part of the minutes from {@code heading} to the next blank line. */
    private static String section(String text, String heading) {
        int from = text.indexOf("\n" + heading + "\n") + 1;
        int to = text.indexOf("\n\n", from);
        return text.substring(from, to);
    }

    private JsonNode awaitMeeting(String id, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            last[0] = getJson(user(9), "/api/meetings/" + id, 200);
            return condition.test(last[0]);
        });
        return last[0];
    }

    private JsonNode putJson(String username, String id, Object body, int expected) throws Exception {
        MvcResult r = call(as(put("/api/meetings/" + id + "/minutes").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body)), username));
        assertStatus(r, expected);
        return body(r);
    }

    private String upload(String title) throws Exception {
        MvcResult r = call(as(multipart("/api/files").file(new MockMultipartFile("file", "document.txt",
                "text/plain;charset=UTF-8", (title + "\n" + run).getBytes(StandardCharsets.UTF_8))), user(9)));
        assertStatus(r, 201);
        return body(r).get("sha256").asText();
    }

    /** RFC 6238 computed here from the enrolled secret, independently of the server's implementation. */
    private static String totp(String base32, Instant at) throws Exception {
        ByteBuffer key = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toCharArray()) {
            buffer = buffer << 5 | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.array(), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
        int o = h[h.length - 1] & 0xf;
        int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
        return String.format("%06d", code);
    }
}
