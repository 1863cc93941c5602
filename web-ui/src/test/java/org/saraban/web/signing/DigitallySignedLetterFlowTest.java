package org.saraban.web.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.ThaiText;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * ADR 0006 end to end through the HTTP API: นร ๑๒ signs its external letters digitally (the demo setting).
 * The letter is numbered and rendered at approval with the approver's visa, signed by the signatory,
 * dispatched as that PDF, verified and stamped by สพร on receipt, and preserved as PAdES-B-LTA at filing;
 * every stage's PDF is checked by the public verifier.
 */
class DigitallySignedLetterFlowTest extends PdfTestSupport {

    /** An external letter from นร ๑๒ to สพร, signed by its director and approved by the group head. */
    private static Map<String, Object> opdcLetter(String subject) {
        return Map.of(
                "kind", "EXTERNAL",
                "subject", subject,
                "salutation", "เรียน",
                "to", List.of(Map.of("agencyCode", "สพร", "position", "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล")),
                "body", List.of("ด้วยสำนักงาน ก.พ.ร. ขอส่งรายงานผลการพัฒนาระบบราชการ", "จึงเรียนมาเพื่อโปรดทราบ"),
                "closing", "ขอแสดงความนับถือ",
                "signatory", id("opdc.director"),
                "ownerUnit", Map.of("name", "กองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร", "phone", "๐ ๒๓๕๖ ๙๙๙๙"));
    }

    private String approvedLetter(String subject) throws Exception {
        String id = postJson("opdc.officer", "/api/letters", opdcLetter(subject), 201).get("id").asText();
        postJson("opdc.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("opdc.head")), 200);
        return id;
    }

    @Test
    void a_digitally_signed_letter_from_approval_to_filing_at_the_recipient() throws Exception {
        String subject = "รายงานผลการพัฒนาระบบราชการ " + System.nanoTime();
        String id = approvedLetter(subject);

        // approval: ออกเลข now, the PDF of record with the number and date, and the head's visa on it
        JsonNode approved = postJson("opdc.head", "/api/letters/" + id + "/approve", null, 200);
        String number = approved.get("number").asText();
        assertThat(number).startsWith("นร ๑๒๑๐/");
        assertThat(approved.get("dateThai").asText()).isEqualTo(ThaiText.date(clock.instant()));
        assertThat(steps(approved)).containsExactly("RENDERED", "VISA");
        byte[] visaed = pdf("opdc.officer", "/api/letters/" + id + "/pdf");
        assertThat(text(visaed)).contains(subject, number, approved.get("dateThai").asText(), "(นางนภาพร จันทร์หอม)");
        // the visa alone is B-T: intact and trusted, but its revocation data comes with the signatory's signature
        JsonNode visa = verify(visaed).get("signatures");
        assertThat(visa).hasSize(1);
        assertThat(visa.get(0).get("signerName").asText()).isEqualTo("นายประเสริฐ ชัยมงคล");
        assertThat(visa.get(0).get("intact").asBoolean()).isTrue();
        assertThat(visa.get(0).get("level").asText()).isEqualTo("PAdES-BASELINE-T");
        JsonNode row = registerRow("opdc.clerk", "sent", number);
        assertThat(row.get("subject").asText()).isEqualTo(subject);

        // before signing, the signatory sees their signature as it will appear; nobody else may ask
        MvcResult preview = call(as(get("/api/letters/" + id + "/signature-preview"), "opdc.director"));
        assertStatus(preview, 200);
        assertThat(preview.getResponse().getContentType()).startsWith(MediaType.IMAGE_PNG_VALUE);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(preview.getResponse().getContentAsByteArray()));
        assertThat(image.getWidth()).isGreaterThan(image.getHeight()).isGreaterThan(300);
        assertThat(inkPixels(image)).as("the appearance's blue text").isGreaterThan(500);
        assertStatus(call(as(get("/api/letters/" + id + "/signature-preview"), "opdc.officer")), 403);
        assertThat(getJson("opdc.officer", "/api/letters/" + id, 200).get("pdfRevisions")).hasSize(2);

        // the signatory signs the same PDF: a second revision, the visa still valid
        JsonNode signed = postJson("opdc.director", "/api/letters/" + id + "/sign",
                Map.of("typedName", "นางนภาพร จันทร์หอม"), 200);
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("signatures")).extracting(s -> s.get("role").asText() + " " + s.get("method").asText())
                .containsExactly("VISA PADES", "SIGNATORY PADES");
        String signedSha = signed.get("pdfSha256").asText();
        JsonNode signedReport = verify(pdf("opdc.officer", "/api/letters/" + id + "/pdf"));
        assertThat(signedReport.get("valid").asBoolean()).as(signedReport.toPrettyString()).isTrue();
        assertThat(signedReport.get("signatures")).extracting(s -> s.get("level").asText())
                .containsOnly("PAdES-BASELINE-LT");
        assertThat(signedReport.get("signatures")).extracting(s -> s.get("signerName").asText())
                .containsExactly("นายประเสริฐ ชัยมงคล", "นางนภาพร จันทร์หอม");

        // dispatch sends that PDF with the number and date of approval; no second number
        JsonNode dispatched = postJson("opdc.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        assertThat(dispatched.get("number").asText()).isEqualTo(number);
        assertThat(dispatched.get("dateThai").asText()).isEqualTo(approved.get("dateThai").asText());
        assertThat(dispatched.get("pdfSha256").asText()).isEqualTo(signedSha);

        // the recipient's copy is exactly that PDF until received
        String copy = dispatched.get("deliveries").get(0).get("copyId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                call(as(get("/api/letters/" + copy), "dga.clerk")).getResponse().getStatus() == 200);
        assertThat(sha256(pdf("dga.clerk", "/api/letters/" + copy + "/pdf"))).isEqualTo(signedSha);

        // receipt verifies it (recorded on the copy) and stamps it without breaking either signature
        JsonNode received = postJson("dga.clerk", "/api/letters/" + copy + "/receive", null, 200);
        JsonNode verification = received.get("verification");
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("pdfSha256").asText()).isEqualTo(signedSha);
        assertThat(verification.get("signatures")).hasSize(2);
        assertThat(verification.get("level").asText()).isEqualTo("B_LT");
        byte[] stamped = pdf("dga.clerk", "/api/letters/" + copy + "/pdf");
        assertThat(stamps(stamped)).singleElement().asString()
                .startsWith("สพร\nเลขรับ " + received.get("receivingNumber").asText());
        JsonNode stampedReport = verify(stamped);
        assertThat(stampedReport.get("valid").asBoolean()).as(stampedReport::toPrettyString).isTrue();
        assertThat(stampedReport.get("signatures")).hasSize(2);

        // filing preserves it: validation data and a document timestamp, PAdES-B-LTA
        postJson("dga.clerk", "/api/letters/" + copy + "/file", Map.of("fileCode", "๒.๓"), 200);
        JsonNode filedReport = verify(pdf("dga.clerk", "/api/letters/" + copy + "/pdf"));
        assertThat(filedReport.get("valid").asBoolean()).as(filedReport::toPrettyString).isTrue();
        assertThat(filedReport.get("signatures")).extracting(s -> s.get("kind").asText() + " " + s.get("level").asText())
                .containsExactly("SIGNATURE PAdES-BASELINE-LTA", "SIGNATURE PAdES-BASELINE-LTA",
                        "DOCUMENT_TIMESTAMP null");
        JsonNode filed = getJson("dga.clerk", "/api/letters/" + copy, 200);
        assertThat(steps(filed)).containsExactly("RECEIPT_STAMP", "PRESERVED");

        // re-timestamping (issue 6): nothing while the timestamp's certificate has long to run; before it ends, a
        // new revision with fresh validation data and a second document timestamp, every signature still valid
        JsonNode none = postJson("dga.records", "/api/archive/retimestamp", Map.of("withinDays", 1), 200);
        assertThat(none.get("retimestamped").findValuesAsText("")).isEmpty();
        assertThat(none.get("retimestamped").toString()).doesNotContain(copy);
        postJson("dga.officer", "/api/archive/retimestamp", Map.of("withinDays", 1), 403);
        JsonNode renewed = postJson("dga.records", "/api/archive/retimestamp", Map.of("withinDays", 36_500), 200);
        assertThat(renewed.get("retimestamped").toString()).contains(copy);
        assertThat(steps(getJson("dga.clerk", "/api/letters/" + copy, 200)))
                .containsExactly("RECEIPT_STAMP", "PRESERVED", "RETIMESTAMPED");
        JsonNode renewedReport = verify(pdf("dga.clerk", "/api/letters/" + copy + "/pdf"));
        assertThat(renewedReport.get("valid").asBoolean()).as(renewedReport::toPrettyString).isTrue();
        assertThat(renewedReport.get("signatures")).extracting(s -> s.get("kind").asText())
                .containsExactly("SIGNATURE", "SIGNATURE", "DOCUMENT_TIMESTAMP", "DOCUMENT_TIMESTAMP");
    }

    @Test
    void an_edit_after_approval_voids_the_number_and_the_letter_must_be_approved_again() throws Exception {
        String id = approvedLetter("แก้ไขหลังอนุมัติ " + System.nanoTime());
        JsonNode approved = postJson("opdc.head", "/api/letters/" + id + "/approve", null, 200);
        String number = approved.get("number").asText();

        MvcResult edited = call(as(patch("/api/letters/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("subject", "แก้ไขแล้ว " + System.nanoTime()))), "opdc.officer"));
        assertStatus(edited, 200);
        JsonNode draft = body(edited);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("number").isNull()).isTrue();
        assertThat(draft.get("signatures")).isEmpty();
        assertThat(draft.get("pdfRevisions")).isEmpty();
        assertThat(draft.get("pdfSha256").isNull()).isTrue();
        assertThat(registerRow("opdc.clerk", "sent", number).get("voided").asBoolean()).isTrue();

        MvcResult sign = call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/letters/" + id + "/sign"), "opdc.director"));
        assertStatus(sign, 409);
    }

    @Test
    void the_agency_setting_decides_and_only_an_administrator_changes_it() throws Exception {
        assertThat(getJson("opdc.clerk", "/api/me", 200).get("signatureRequired"))
                .extracting(JsonNode::asText).containsExactly("EXTERNAL");
        assertThat(getJson("dga.clerk", "/api/me", 200).get("signatureRequired")).isEmpty();

        MvcResult byClerk = call(as(put("/api/agencies/สพร/signature-required").contentType(MediaType.APPLICATION_JSON)
                .content("{\"kinds\":[\"EXTERNAL\"]}"), "dga.clerk"));
        assertStatus(byClerk, 403);
        MvcResult unknownKind = call(as(put("/api/agencies/สพร/signature-required")
                .contentType(MediaType.APPLICATION_JSON).content("{\"kinds\":[\"LETTER\"]}"), "admin"));
        assertStatus(unknownKind, 422);
        assertThat(body(unknownKind).get("errors").get(0).get("field").asText()).isEqualTo("kinds[0]");
        assertThat(getJson("dga.clerk", "/api/me", 200).get("signatureRequired")).isEmpty();
    }

    /** Pixels in the stamp-pad blue the signature appearance is drawn in. */
    private static int inkPixels(java.awt.image.BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                if (b > 100 && b - r > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    @Autowired
    InternalPki pki;

    @Test
    void a_signatory_who_imports_their_own_pkcs12_signs_with_that_key() throws Exception {
        var issued = pki.issue(new PersonIdentity(id("opdc.director"), "นางนภาพร จันทร์หอม",
                "ผู้อำนวยการกองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร", "สำนักงาน ก.พ.ร."), KeyAlgorithm.RSA_2048);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("my-card", issued.privateKey(), "card-secret".toCharArray(),
                issued.chain().toArray(new java.security.cert.Certificate[0]));
        java.io.ByteArrayOutputStream p12 = new java.io.ByteArrayOutputStream();
        store.store(p12, "card-secret".toCharArray());
        MockMultipartFile file = new MockMultipartFile("file", "card.p12", "application/x-pkcs12", p12.toByteArray());

        MvcResult wrong = call(as(multipart("/api/me/signing-key").file(file).param("password", "guess"),
                "opdc.director"));
        assertStatus(wrong, 422);
        assertThat(body(wrong).get("errors").get(0).get("field").asText()).isEqualTo("password");
        MvcResult imported = call(as(multipart("/api/me/signing-key").file(file).param("password", "card-secret"),
                "opdc.director"));
        assertStatus(imported, 200);
        String serial = issued.chain().get(0).getSerialNumber().toString(16);
        assertThat(body(imported).get("serialNumber").asText()).isEqualTo(serial);
        assertThat(body(imported).get("alias").asText()).isEqualTo("my-card");

        String id = approvedLetter("ลงนามด้วยกุญแจของตนเอง " + System.nanoTime());
        postJson("opdc.head", "/api/letters/" + id + "/approve", null, 200);
        postJson("opdc.director", "/api/letters/" + id + "/sign", null, 200);
        JsonNode report = verify(pdf("opdc.officer", "/api/letters/" + id + "/pdf"));
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("signatures").get(1).get("serialNumber").asText()).isEqualTo(serial);
    }

    @Test
    void a_key_that_never_leaves_the_signers_token_signs_in_three_steps() throws Exception {
        var token = pki.issue(new PersonIdentity(id("opdc.director"), "นางนภาพร จันทร์หอม",
                "ผู้อำนวยการกองนวัตกรรมและเทคโนโลยีเพื่อการบริหาร",
                "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)"), KeyAlgorithm.ECDSA_P256);
        List<String> chain = new java.util.ArrayList<>();
        for (var c : token.chain()) {
            chain.add(java.util.Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        String id = approvedLetter("ลงนามด้วยบัตร " + System.nanoTime());
        postJson("opdc.head", "/api/letters/" + id + "/approve", null, 200);

        // a value from another key is refused and changes nothing
        JsonNode first = postJson("opdc.director", "/api/letters/" + id + "/signature/prepare",
                Map.of("certificateChain", chain), 200);
        var other = pki.issue(new PersonIdentity("someone-else", "นายอื่น", "ตำแหน่ง", "หน่วยงาน"),
                KeyAlgorithm.ECDSA_P256);
        MvcResult refused = call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/letters/" + id + "/signature").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(Map.of("requestId", first.get("requestId").asText(),
                        "signatureValue", signOnToken(other.privateKey(), first)))), "opdc.director"));
        assertStatus(refused, 422);
        assertThat(body(refused).get("errors").get(0).get("field").asText()).isEqualTo("signatureValue");
        assertThat(getJson("opdc.director", "/api/letters/" + id, 200).get("status").asText()).isEqualTo("APPROVED");

        // step 1: the data to sign; step 2: the token signs; step 3: the server embeds and the letter is signed
        JsonNode prepared = postJson("opdc.director", "/api/letters/" + id + "/signature/prepare",
                Map.of("certificateChain", chain), 200);
        assertThat(prepared.get("signatureAlgorithm").asText()).isEqualTo("SHA256withECDSA");
        JsonNode signed = postJson("opdc.director", "/api/letters/" + id + "/signature", Map.of(
                "requestId", prepared.get("requestId").asText(),
                "signatureValue", signOnToken(token.privateKey(), prepared)), 200);
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        JsonNode report = verify(pdf("opdc.officer", "/api/letters/" + id + "/pdf"));
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("signatures").get(1).get("serialNumber").asText())
                .isEqualTo(token.chain().get(0).getSerialNumber().toString(16));
        assertThat(report.get("signatures").get(1).get("level").asText()).isEqualTo("PAdES-BASELINE-LT");
    }

    /** What a smart card does with the data to sign: the private key never reaches the server. */
    private static String signOnToken(java.security.PrivateKey key, JsonNode prepared) throws Exception {
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(java.util.Base64.getDecoder().decode(prepared.get("dataToSign").asText()));
        return java.util.Base64.getEncoder().encodeToString(s.sign());
    }

    private static List<String> steps(JsonNode view) {
        return view.get("pdfRevisions").findValuesAsText("step");
    }

    private JsonNode registerRow(String username, String book, String number) throws Exception {
        int year = ThaiText.buddhistYear(clock.instant());
        String agency = "นร ๑๒";
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode rows = getJson(username, "/api/registers/" + agency + "/" + book + "/" + year, 200).get("rows");
            for (JsonNode r : rows) {
                if (number.equals(r.get("number").asText())) {
                    return r;
                }
            }
            return null;
        }, r -> r != null);
    }

    private static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}
