package org.saraban.web.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.ThaiText;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.AppearanceText;
import org.saraban.signing.pades.SignatureRequest;
import org.saraban.signing.pades.VisibleSignature;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** The letter and register PDFs in the regulation's forms, and the public verification endpoint. */
class LetterPdfAndVerifyTest extends PdfTestSupport {

    @Autowired
    InternalPki pki;
    @Autowired
    AppearanceText appearance;

    @Test
    void a_dispatched_letter_renders_as_its_form_for_both_agencies_and_for_nobody_else() throws Exception {
        String subject = "แบบฟอร์ม " + System.nanoTime();
        JsonNode dispatched = dispatchedLetter(subject);
        String id = dispatched.get("id").asText();

        String text = text(pdf("dga.clerk", "/api/letters/" + id + "/pdf"));
        assertThat(text).contains(subject, dispatched.get("number").asText(), dispatched.get("dateThai").asText(),
                "ด้วยสำนักงานพัฒนารัฐบาลดิจิทัลขอเชิญประชุม", "จึงเรียนมาเพื่อโปรดพิจารณา", "ขอแสดงความนับถือ",
                "(นายชยพล ธรรมวัฒนา)", "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล", "เลขาธิการคณะรัฐมนตรี", "ด่วน",
                "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ");

        String copy = copyAtSoc(dispatched);
        assertThat(text(pdf("soc.clerk", "/api/letters/" + copy + "/pdf"))).contains(subject);
        assertThat(stamps(pdf("soc.clerk", "/api/letters/" + copy + "/pdf"))).isEmpty();

        // once received, the copy carries นร ๐๕'s stamp, an annotation added after the rendered form
        JsonNode received = postJson("soc.clerk", "/api/letters/" + copy + "/receive", null, 200);
        List<String> stamps = stamps(pdf("soc.clerk", "/api/letters/" + copy + "/pdf"));
        assertThat(stamps).containsExactly(String.join("\n", "นร ๐๕", "เลขรับ " + received.get("receivingNumber").asText(),
                "วันที่ " + received.get("receiptStamp").get("date").asText(),
                "เวลา " + received.get("receiptStamp").get("time").asText()));
        // the sender's own letter has no stamp
        assertThat(stamps(pdf("dga.clerk", "/api/letters/" + id + "/pdf"))).isEmpty();
        MvcResult other = call(as(get("/api/letters/" + id + "/pdf"), "opdc.clerk"));
        assertStatus(other, 404);
    }

    @Test
    void a_register_prints_as_pdf_with_its_rows() throws Exception {
        String subject = "ทะเบียนพิมพ์ " + System.nanoTime();
        JsonNode dispatched = dispatchedLetter(subject);
        int year = ThaiText.buddhistYear(clock.instant());
        String path = "/api/registers/สพร/sent/" + year + "?format=pdf";

        String text = text(pdf("dga.clerk", path));
        assertThat(text).contains("ทะเบียนหนังสือส่ง", subject, dispatched.get("number").asText());
        assertStatus(call(as(get(path), "opdc.clerk")), 404);
    }

    @Test
    void anyone_can_verify_a_pdf_without_logging_in() throws Exception {
        JsonNode dispatched = dispatchedLetter("ตรวจสอบลายมือชื่อ " + System.nanoTime());
        byte[] letter = pdf("dga.clerk", "/api/letters/" + dispatched.get("id").asText() + "/pdf");

        JsonNode unsigned = verify(letter);
        assertThat(unsigned.get("status").asText()).isEqualTo("READ");
        assertThat(unsigned.get("signed").asBoolean()).isFalse();
        assertThat(unsigned.get("valid").asBoolean()).isFalse();
        assertThat(unsigned.get("summaryThai").asText()).isEqualTo("แฟ้มนี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์");

        // signed by a person whose certificate the app's own CA issued: intact, trusted, B-T
        var key = pki.issue(new PersonIdentity("verify-test-signer", "นายชยพล ธรรมวัฒนา",
                "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล", "สพร"), KeyAlgorithm.ECDSA_P256);
        byte[] signed = new PadesSigner(pki.timestampAuthority(), appearance,
                Clock.systemUTC()).sign(letter, new SignatureRequest(key.chain(),
                new VisibleSignature(0, 300, 100, 200, 50, List.of("ลงนาม")), "ลงนาม", "กรุงเทพฯ"), key.credential());
        JsonNode report = verify(signed);
        assertThat(report.get("signed").asBoolean()).isTrue();
        JsonNode signature = report.get("signatures").get(0);
        assertThat(signature.get("signerName").asText()).contains("นายชยพล ธรรมวัฒนา");
        assertThat(signature.get("intact").asBoolean()).isTrue();
        assertThat(signature.get("level").asText()).isEqualTo("PAdES-BASELINE-T");
        assertThat(signature.get("timestampTimeThai").asText()).endsWith("น.");

        // one changed byte inside the signed range breaks it
        byte[] tampered = signed.clone();
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("/Type /Page");
        tampered[at + 1] ^= 0x01;
        JsonNode broken = verify(tampered);
        assertThat(broken.get("valid").asBoolean()).isFalse();
    }

    @Test
    void a_file_that_is_no_pdf_is_reported_and_a_missing_file_is_refused() throws Exception {
        JsonNode garbage = verify("not a pdf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.get("status").asText()).isEqualTo("MALFORMED");
        assertThat(garbage.get("valid").asBoolean()).isFalse();

        MvcResult none = call(multipart("/api/verify"));
        assertStatus(none, 422);
        assertThat(body(none).get("errors").get(0).get("field").asText()).isEqualTo("file");
    }
}
