package org.saraban.web.register;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.saraban.api.letter.RegisterBookType;

/**
 * A register as CSV with the regulation's column headings (DOMAIN.md §1.6–1.7), UTF-8 with a BOM so
 * that spreadsheet programs show the Thai text.
 */
final class RegisterCsv {

    private RegisterCsv() {
    }

    static byte[] write(RegisterBookType book, List<Document> rows) {
        StringBuilder b = new StringBuilder("\uFEFF");
        boolean received = book == RegisterBookType.RECEIVED;
        line(b, List.of("วันที่ลงทะเบียน", received ? "เลขทะเบียนรับ" : "เลขทะเบียน", "ที่", "ลงวันที่", "จาก", "ถึง",
                "เรื่อง", "การปฏิบัติ", "หมายเหตุ"));
        for (Document r : rows) {
            line(b, List.of(str(r.get("registeredAtThai")), str(r.get("registerNumberThai")), str(r.get("number")),
                    str(r.get("dateThai")), str(r.get("from")), str(r.get("to")), str(r.get("subject")),
                    str(r.get("action")), str(r.get("remark"))));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append("\r\n");
    }
}
