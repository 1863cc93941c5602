package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;

/**
 * The OCR of the four scanned letters of {@code ../shared/samples/legacy}, read into a proposal and compared field
 * by field with what a careful clerk registered ({@code .expected.json}). The ที่, the date, เรื่อง and the
 * signatory must be right on all four; every field's accuracy is printed for the closing note.
 */
class LegacyLetterReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_four_scans_are_read_as_the_clerk_registered_them() throws Exception {
        Path dir = WebTestSupport.sharedSamples("legacy");
        List<String> wrong = new ArrayList<>();
        int fields = 0;
        int right = 0;
        for (int i = 1; i <= 4; i++) {
            String name = "legacy-0" + i;
            LegacyLetterReader.Proposal p = LegacyLetterReader.read(Files.readString(dir.resolve(name + ".txt")));
            Map<String, Object> got = JSON.convertValue(LegacyLetterReader.asMap(p), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = JSON.readValue(dir.resolve(name + ".expected.json").toFile(), Map.class);
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                fields++;
                if (java.util.Objects.equals(e.getValue(), got.get(e.getKey()))) {
                    right++;
                } else {
                    wrong.add(name + " " + e.getKey() + ": expected " + e.getValue() + ", got " + got.get(e.getKey()));
                }
            }
            for (String must : List.of("number", "dateIso", "subject", "signatoryName")) {
                assertThat(got.get(must)).as(name + " " + must).isEqualTo(expected.get(must));
            }
        }
        System.out.printf("legacy import: %d of %d fields right (%.1f%%)%n", right, fields, 100.0 * right / fields);
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(wrong).isEmpty();
    }
}
