package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * STYLE.md "Rules and errors": every command refuses the wrong role (403, with the rule's code) and the
 * wrong agency (404, as if the letter did not exist), and a refused command stores nothing. Letters are
 * prepared once per class in each state a command needs; the received copy is addressed to กองนิติธรรม
 * (unit ๐๓ of นร ๐๕) so that soc.officer may see it and is refused for the role, not for visibility.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandPermissionTest extends AcceptanceTestSupport {

    private static final Map<String, Object> TO_SOC_LEGAL_DIVISION =
            Map.of("agencyCode", "นร ๐๕", "unitCode", "๐๓", "position", "ผู้อำนวยการกองนิติธรรม");

    private String draft;       // DRAFT, by dga.officer
    private String pending;     // PENDING_APPROVAL at dga.director
    private String approved;    // APPROVED, signatory dga.director
    private String statement;   // APPROVED แถลงการณ์, issued in the agency's name: no signatory
    private String signed;      // SIGNED
    private String dispatched;  // DISPATCHED to กองนิติธรรม, นร ๐๕
    private String delivered;   // its copy at นร ๐๕, DELIVERED (not yet received)
    private String other;       // a second letter to กองนิติธรรม
    private String copy;        // its copy at นร ๐๕, RECEIVED, with an open route to soc.director in person
    private String routeId;

    @BeforeAll
    void lettersInEveryStateACommandNeeds() throws Exception {
        draft = create("ร่างหนังสือ");
        pending = create("รออนุมัติ");
        submit(pending);
        approved = create("อนุมัติแล้ว");
        submit(approved);
        postJson("dga.director", "/api/letters/" + approved + "/approve", null, 200);
        statement = postJson("dga.officer", "/api/letters", Map.of("kind", "STATEMENT",
                "subject", "แถลงการณ์ " + UUID.randomUUID(), "body", List.of("สำนักงานขอแถลงว่า")), 201).get("id").asText();
        submit(statement);
        postJson("dga.director", "/api/letters/" + statement + "/approve", null, 200);
        signed = signedLetter("ลงนามแล้ว " + UUID.randomUUID());

        dispatched = toLegalDivision();
        delivered = copyAtSoc(postJson("dga.clerk", "/api/letters/" + dispatched + "/dispatch", null, 200));
        awaitDeliveries("dga.clerk", dispatched, "DELIVERED");
        assertThat(getJson("soc.officer", "/api/letters/" + delivered, 200).get("status").asText())
                .as("the copy is addressed to soc.officer's unit, so soc.officer sees it").isEqualTo("DELIVERED");

        other = toLegalDivision();
        copy = copyAtSoc(postJson("dga.clerk", "/api/letters/" + other + "/dispatch", null, 200));
        postJson("soc.clerk", "/api/letters/" + copy + "/receive", null, 200);
        awaitDeliveries("dga.clerk", other, "ACKNOWLEDGED");
        // to a person, not to unit ๐๓: soc.officer shares soc.director's unit but is not the one routed to
        routeId = postJson("soc.clerk", "/api/letters/" + copy + "/routes", Map.of("toPerson", id("soc.director"),
                "instruction", "โปรดพิจารณาด้วยตนเอง", "dueDate", "2099-01-31"), 201).get("routeId").asText();
    }

    private String toLegalDivision() throws Exception {
        String id = postJson("dga.officer", "/api/letters",
                externalLetterWith("ส่งถึงกองนิติธรรม " + UUID.randomUUID(), Map.of("to", List.of(TO_SOC_LEGAL_DIVISION))),
                201).get("id").asText();
        submit(id);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        return id;
    }

    private String create(String subject) throws Exception {
        return postJson("dga.officer", "/api/letters", externalLetter(subject + " " + UUID.randomUUID()), 201)
                .get("id").asText();
    }

    private void submit(String id) throws Exception {
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
    }

    private MockHttpServletRequestBuilder command(String username, String path, Object body) throws Exception {
        return as(post(path).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body == null ? Map.of() : body)), username);
    }

    private MockHttpServletRequestBuilder edit(String username, String id, Map<String, Object> patch) throws Exception {
        return as(patch("/api/letters/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(patch)), username);
    }

    // ------------------------------------------------------------------ wrong role: 403

    @Test
    void a_records_officer_may_not_create_a_draft() throws Exception {
        String subject = "ไม่ควรถูกสร้าง " + UUID.randomUUID();
        refusedAndNothingStored(command("dga.records", "/api/letters", externalLetter(subject)),
                403, "ROLE_REQUIRED", null, null);
        assertThat(getJson("dga.clerk", "/api/outbox?q=" + subject, 200).get("total").asLong()).isZero();
    }

    @Test
    void only_the_author_may_edit_or_submit_a_draft() throws Exception {
        // a colleague who can see the draft (the agency's clerk sees all its letters) is refused as not the author
        refusedAndNothingStored(edit("dga.clerk", draft, Map.of("subject", "แก้โดยผู้อื่น")),
                403, "NOT_THE_AUTHOR", draft, "dga.clerk");
        refusedAndNothingStored(command("dga.clerk", "/api/letters/" + draft + "/submit",
                Map.of("approverId", id("dga.director"))), 403, "NOT_THE_AUTHOR", draft, "dga.clerk");
        refusedAndNothingStored(edit("dga.head", draft, Map.of("subject", "แก้โดยผู้อื่น")),
                403, "NOT_THE_AUTHOR", draft, "dga.clerk");
    }

    @Test
    void an_officer_of_another_unit_who_is_not_the_author_is_refused_editing_or_submitting_a_draft() throws Exception {
        // dga.officer2 (unit ๐๓) may not even see a draft of unit ๐๒ (LetterQueries.visible), so the answer is
        // the "does not exist" 404 rather than 403 NOT_THE_AUTHOR; either way nothing is stored
        refusedAndNothingStored(edit("dga.officer2", draft, Map.of("subject", "แก้โดยผู้อื่น")),
                404, "LETTER_NOT_FOUND", draft, "dga.clerk");
        refusedAndNothingStored(command("dga.officer2", "/api/letters/" + draft + "/submit",
                Map.of("approverId", id("dga.director"))), 404, "LETTER_NOT_FOUND", draft, "dga.clerk");
    }

    @Test
    void only_the_designated_approver_may_approve_or_return() throws Exception {
        refusedAndNothingStored(command("dga.head", "/api/letters/" + pending + "/approve", Map.of("comment", "เห็นชอบ")),
                403, "NOT_THE_APPROVER", pending, "dga.clerk");
        refusedAndNothingStored(command("dga.head", "/api/letters/" + pending + "/return", Map.of("reason", "แก้ไข")),
                403, "NOT_THE_APPROVER", pending, "dga.clerk");
        refusedAndNothingStored(command("dga.officer", "/api/letters/" + pending + "/approve", Map.of("comment", "เห็นชอบ")),
                403, "ROLE_REQUIRED", pending, "dga.clerk");
        refusedAndNothingStored(command("dga.officer", "/api/letters/" + pending + "/return", Map.of("reason", "แก้ไข")),
                403, "ROLE_REQUIRED", pending, "dga.clerk");
        assertThat(getJson("dga.clerk", "/api/letters/" + pending, 200).get("status").asText()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void only_the_signatory_may_sign() throws Exception {
        refusedAndNothingStored(command("dga.head", "/api/letters/" + approved + "/sign", null),
                403, "ROLE_REQUIRED", approved, "dga.clerk");
        refusedAndNothingStored(command("dga.officer", "/api/letters/" + approved + "/sign", null),
                403, "ROLE_REQUIRED", approved, "dga.clerk");
        // a signer who is not the letter's signatory: the statement is issued in the agency's name
        refusedAndNothingStored(command("dga.director", "/api/letters/" + statement + "/sign", null),
                403, "NOT_THE_SIGNATORY", statement, "dga.clerk");
        assertThat(getJson("dga.clerk", "/api/letters/" + approved, 200).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void only_a_clerk_may_dispatch_or_cancel() throws Exception {
        refusedAndNothingStored(command("dga.officer", "/api/letters/" + signed + "/dispatch", null),
                403, "ROLE_REQUIRED", signed, "dga.clerk");
        refusedAndNothingStored(command("dga.director", "/api/letters/" + signed + "/dispatch", null),
                403, "ROLE_REQUIRED", signed, "dga.clerk");
        refusedAndNothingStored(command("dga.officer", "/api/letters/" + dispatched + "/cancel", Map.of("reason", "ผิดพลาด")),
                403, "ROLE_REQUIRED", dispatched, "dga.clerk");
        assertThat(getJson("dga.clerk", "/api/letters/" + signed, 200).get("number").isNull()).isTrue();
    }

    @Test
    void only_a_clerk_of_the_receiving_agency_may_receive() throws Exception {
        refusedAndNothingStored(command("soc.officer", "/api/letters/" + delivered + "/receive", null),
                403, "ROLE_REQUIRED", delivered, "soc.clerk");
        refusedAndNothingStored(command("soc.director", "/api/letters/" + delivered + "/receive", null),
                403, "ROLE_REQUIRED", delivered, "soc.clerk");
        refusedAndNothingStored(command("soc.records", "/api/letters/" + delivered + "/receive", null),
                403, "ROLE_REQUIRED", delivered, "soc.clerk");
        assertThat(getJson("soc.clerk", "/api/letters/" + delivered, 200).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void a_records_officer_may_not_route() throws Exception {
        String c = copy;
        refusedAndNothingStored(command("soc.records", "/api/letters/" + c + "/routes",
                Map.of("toUnit", "๐๓", "instruction", "พิจารณา", "dueDate", "2099-01-31")), 403, "ROLE_REQUIRED", c, "soc.clerk");
        refusedAndNothingStored(command("soc.officer", "/api/letters/" + c + "/routes",
                Map.of("toUnit", "๐๓", "instruction", "พิจารณา", "dueDate", "2099-01-31")), 403, "ROLE_REQUIRED", c, "soc.clerk");
    }

    @Test
    void only_the_person_routed_to_may_acknowledge_or_complete() throws Exception {
        String c = copy;
        refusedAndNothingStored(command("soc.officer", "/api/letters/" + c + "/routes/" + routeId + "/acknowledge", null),
                403, "NOT_ROUTED_TO_YOU", c, "soc.clerk");
        refusedAndNothingStored(command("soc.officer", "/api/letters/" + c + "/routes/" + routeId + "/complete",
                Map.of("note", "เสร็จแล้ว")), 403, "NOT_ROUTED_TO_YOU", c, "soc.clerk");
        // neither is the clerk who routed it, nor the records officer
        refusedAndNothingStored(command("soc.clerk", "/api/letters/" + c + "/routes/" + routeId + "/complete",
                Map.of("note", "เสร็จแล้ว")), 403, "NOT_ROUTED_TO_YOU", c, "soc.clerk");
        refusedAndNothingStored(command("soc.records", "/api/letters/" + c + "/routes/" + routeId + "/acknowledge", null),
                403, "NOT_ROUTED_TO_YOU", c, "soc.clerk");
        JsonNode route = getJson("soc.clerk", "/api/letters/" + c, 200).get("routes").get(0);
        assertThat(route.get("state").asText()).isEqualTo("OPEN");
    }

    @Test
    void an_officer_may_not_file() throws Exception {
        String c = copy;
        refusedAndNothingStored(command("soc.officer", "/api/letters/" + c + "/file",
                Map.of("fileCode", "นร๐๕-๑/๒๕๖๙", "retentionYears", 10)), 403, "ROLE_REQUIRED", c, "soc.clerk");
        refusedAndNothingStored(command("dga.officer", "/api/letters/" + dispatched + "/file",
                Map.of("fileCode", "สพร-๑/๒๕๖๙", "retentionYears", 10)), 403, "ROLE_REQUIRED", dispatched, "dga.clerk");
    }

    @Test
    void an_officer_may_not_register_an_incoming_paper_letter() throws Exception {
        refusedAndNothingStored(importRequest("dga.officer", MINIMAL_PDF, "application/pdf",
                paperLetterMetadata("ไม่ควรถูกลงรับ " + UUID.randomUUID())), 403, "ROLE_REQUIRED", null, null);
    }

    // ------------------------------------------------------------------ wrong agency: 404

    @Test
    void a_command_by_a_user_of_another_agency_is_answered_as_if_the_letter_did_not_exist() throws Exception {
        String c = copy;
        refusedAndNothingStored(edit("opdc.officer", draft, Map.of("subject", "แก้ข้ามหน่วยงาน")),
                404, "LETTER_NOT_FOUND", draft, "dga.clerk");
        refusedAndNothingStored(command("opdc.officer", "/api/letters/" + draft + "/submit",
                Map.of("approverId", id("opdc.director"))), 404, "LETTER_NOT_FOUND", draft, "dga.clerk");
        refusedAndNothingStored(command("opdc.director", "/api/letters/" + pending + "/approve", null),
                404, "LETTER_NOT_FOUND", pending, "dga.clerk");
        refusedAndNothingStored(command("opdc.director", "/api/letters/" + pending + "/return", Map.of("reason", "x")),
                404, "LETTER_NOT_FOUND", pending, "dga.clerk");
        refusedAndNothingStored(command("soc.director", "/api/letters/" + approved + "/sign", null),
                404, "LETTER_NOT_FOUND", approved, "dga.clerk");
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + signed + "/dispatch", null),
                404, "LETTER_NOT_FOUND", signed, "dga.clerk");
        refusedAndNothingStored(command("soc.clerk", "/api/letters/" + signed + "/dispatch", null),
                404, "LETTER_NOT_FOUND", signed, "dga.clerk");
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + dispatched + "/cancel", Map.of("reason", "x")),
                404, "LETTER_NOT_FOUND", dispatched, "dga.clerk");
        // the sender may not act on the recipient's copy, nor the recipient on the sender's letter
        refusedAndNothingStored(command("dga.clerk", "/api/letters/" + c + "/file",
                Map.of("fileCode", "x", "retentionYears", 1)), 404, "LETTER_NOT_FOUND", c, "soc.clerk");
        refusedAndNothingStored(command("soc.clerk", "/api/letters/" + dispatched + "/cancel", Map.of("reason", "x")),
                404, "LETTER_NOT_FOUND", dispatched, "dga.clerk");
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + c + "/routes",
                Map.of("toUnit", "๐๑", "instruction", "x", "dueDate", "2099-01-31")), 404, "LETTER_NOT_FOUND", c, "soc.clerk");
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + c + "/routes/" + routeId + "/acknowledge", null),
                404, "LETTER_NOT_FOUND", c, "soc.clerk");
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + c + "/routes/" + routeId + "/complete", null),
                404, "LETTER_NOT_FOUND", c, "soc.clerk");
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + c + "/file",
                Map.of("fileCode", "x", "retentionYears", 1)), 404, "LETTER_NOT_FOUND", c, "soc.clerk");
    }

    @Test
    void a_clerk_of_another_agency_may_not_receive_a_copy_addressed_elsewhere() throws Exception {
        refusedAndNothingStored(command("opdc.clerk", "/api/letters/" + delivered + "/receive", null),
                404, "LETTER_NOT_FOUND", delivered, "soc.clerk");
        refusedAndNothingStored(command("dga.clerk", "/api/letters/" + delivered + "/receive", null),
                404, "LETTER_NOT_FOUND", delivered, "soc.clerk");
    }

    // ------------------------------------------------------------------ no credentials: 401

    @Test
    void a_request_without_valid_credentials_is_refused_with_401_problem_json() throws Exception {
        long before = storedEvents();
        List<MockHttpServletRequestBuilder> anonymous = List.of(
                get("/api/letters/" + draft),
                get("/api/inbox"),
                get("/api/me"),
                post("/api/letters").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(externalLetter("ไม่ระบุตัวตน"))),
                post("/api/letters/" + signed + "/dispatch").contentType(MediaType.APPLICATION_JSON).content("{}"),
                get("/api/letters/" + draft).with(httpBasic("dga.clerk", "wrong-password")),
                post("/api/letters/" + signed + "/dispatch").with(httpBasic("dga.clerk", "wrong-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"),
                get("/api/letters/" + draft).with(httpBasic("nobody", PASSWORD)));
        for (MockHttpServletRequestBuilder request : anonymous) {
            problem(call(request), 401, "UNAUTHENTICATED");
        }
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(getJson("dga.clerk", "/api/letters/" + signed, 200).get("status").asText()).isEqualTo("SIGNED");
    }

    @Test
    void a_logged_in_session_without_the_csrf_token_is_still_forbidden() throws Exception {
        // the 401 above is for callers with no credentials at all; a browser session keeps its CSRF protection
        MvcResult login = call(post("/api/login").param("username", "dga.officer").param("password", PASSWORD));
        assertStatus(login, 204);
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        long before = storedEvents();
        problem(call(post("/api/letters").session(session).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(externalLetter("ไม่มีโทเคน CSRF " + UUID.randomUUID())))), 403, "FORBIDDEN");
        assertThat(storedEvents()).isEqualTo(before);
        assertStatus(call(get("/api/me").session(session)), 200);
    }
}
