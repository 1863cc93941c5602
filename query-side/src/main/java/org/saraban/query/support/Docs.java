package org.saraban.query.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.saraban.api.common.ThaiText;

/** Converts event records into read-model documents in the API's JSON shape. */
public final class Docs {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Docs() {
    }

    /** A record as a document, or null for null. */
    @SuppressWarnings("unchecked")
    public static Document of(Object value) {
        if (value == null) {
            return null;
        }
        return new Document(MAPPER.convertValue(value, Map.class));
    }

    public static List<Document> list(List<?> values) {
        List<Document> out = new ArrayList<>(values == null ? 0 : values.size());
        if (values != null) {
            values.forEach(v -> out.add(of(v)));
        }
        return out;
    }

    /** ISO-8601 with the Bangkok offset, to the second: {@code 2026-11-21T09:30:00+07:00}. */
    public static String iso(Instant at) {
        return at == null ? null : ISO.format(at.atZone(ThaiText.BANGKOK));
    }

    public static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** Puts {@code <name>} (ISO) and {@code <name>Thai} on the document. */
    public static void putTime(Document doc, String name, Instant at) {
        doc.put(name, iso(at));
        doc.put(name + "Thai", ThaiText.dateTime(at));
    }

    public static <T> T read(Object document, Class<T> type) {
        return MAPPER.convertValue(document, type);
    }
}
