package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;

/** {@code POST /api/letters/import/proposal}: a scan's OCR text in, the metadata to confirm out. */
class ImportProposalApiTest extends WebTestSupport {

    @Test
    void a_clerk_gets_the_proposed_metadata_and_the_mends_made() throws Exception {
        String ocr = Files.readString(sharedSamples("legacy").resolve("legacy-02.txt"));
        JsonNode p = postJson("soc.clerk", "/api/letters/import/proposal", Map.of("ocrText", ocr), 200);
        assertThat(p.get("number").asText()).isEqualTo("มท ๐๓๑๐/๑๔๕๓");
        assertThat(p.get("dateIso").asText()).isEqualTo("2025-02-25");
        assertThat(p.get("fromAgency").asText()).isEqualTo("กรมการปกครอง");
        assertThat(p.get("urgency").asText()).isEqualTo("VERY_URGENT");
        assertThat(p.get("receiptStamps").get(0).get("receiptNumber").asText()).isEqualTo("๒๐๔๗");
        assertThat(p.get("corrections").toString()).contains("2569").contains("'n' read as 'ก'");

        JsonNode refused = postJson("soc.clerk", "/api/letters/import/proposal", Map.of("ocrText", " "), 422);
        assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("ocrText");
    }
}
