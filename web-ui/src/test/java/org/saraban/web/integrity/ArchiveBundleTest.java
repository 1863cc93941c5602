package org.saraban.web.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.signing.bundle.BundleVerifier;
import org.saraban.web.WebTestSupport;
import org.springframework.test.web.servlet.MvcResult;

/** A letter's archive bundle, exported over the API and checked by the offline verifier; any changed byte fails. */
class ArchiveBundleTest extends WebTestSupport {

    @Test
    void a_bundle_verifies_offline_and_one_changed_byte_in_any_file_is_detected() throws Exception {
        JsonNode dispatched = dispatchedLetter("ขอส่งรายงานผลการดำเนินงานประจำปีงบประมาณ ๒๕๖๙");
        String id = dispatched.get("id").asText();

        MvcResult r = call(as(get("/api/letters/" + id + "/bundle"), "dga.clerk"));
        assertStatus(r, 200);
        assertThat(r.getResponse().getContentType()).startsWith("application/zip");
        byte[] zip = r.getResponse().getContentAsByteArray();

        BundleVerifier.Report report = BundleVerifier.verify(zip);
        assertThat(report.valid()).as(report.text()).isTrue();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsKeys("README.txt", "letter.json", "events.json", "chain.json", "checkpoint.json",
                "manifest.json", "manifest.sig.json");
        if (dispatched.hasNonNull("pdfSha256")) {
            assertThat(files).containsKey("documents/" + dispatched.get("pdfSha256").asText() + ".pdf");
        }
        assertThat(report.text()).contains("events hash as the chain says").contains("checkpoint timestamped at");
        assertThat(new String(files.get("README.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("ขอส่งรายงานผลการดำเนินงานประจำปีงบประมาณ").contains("BundleVerifier");

        for (String name : files.keySet()) {
            Map<String, byte[]> changed = new LinkedHashMap<>(files);
            byte[] bytes = changed.get(name).clone();
            int at = bytes.length / 2;
            bytes[at] = (byte) (bytes[at] ^ 0x01);
            changed.put(name, bytes);
            BundleVerifier.Report tampered = BundleVerifier.verify(zip(changed));
            assertThat(tampered.valid()).as("one byte changed in " + name + ":\n" + tampered.text()).isFalse();
        }

        // someone who may not see the letter gets no bundle of it either
        assertStatus(call(as(get("/api/letters/" + id + "/bundle"), "soc.officer")), 404);
    }

    @Test
    void a_register_book_and_year_bundles_its_rows_and_letters_and_verifies_offline() throws Exception {
        JsonNode first = dispatchedLetter("ขอส่งรายงานการตรวจสอบพัสดุประจำปี");
        JsonNode second = dispatchedLetter("ขอส่งรายงานการตรวจสอบภายในประจำปี");
        int year = first.get("yearBE").asInt();
        MvcResult r = call(as(get("/api/registers/{agency}/sent/{year}/bundle", "สพร", year), "dga.records"));
        assertStatus(r, 200);
        byte[] zip = r.getResponse().getContentAsByteArray();
        BundleVerifier.Report report = BundleVerifier.verify(zip);
        assertThat(report.valid()).as(report.text()).isTrue();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsKeys("register.json", "register.csv", "letters/" + first.get("id").asText() + ".json",
                "letters/" + second.get("id").asText() + ".json");
        String register = new String(files.get("register.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(register).contains(first.get("number").asText()).contains(second.get("number").asText());

        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        byte[] csv = changed.get("register.csv").clone();
        csv[csv.length / 2] ^= 0x01;
        changed.put("register.csv", csv);
        assertThat(BundleVerifier.verify(zip(changed)).valid()).isFalse();
        // another agency's clerk gets no register of สพร
        assertStatus(call(as(get("/api/registers/{agency}/sent/{year}/bundle", "สพร", year), "soc.clerk")), 404);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
