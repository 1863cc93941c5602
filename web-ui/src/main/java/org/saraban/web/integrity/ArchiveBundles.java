package org.saraban.web.integrity;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.saraban.command.store.BlobStore;
import org.saraban.command.store.EventChain;
import org.saraban.signing.bundle.BundleVerifier;
import org.saraban.signing.bundle.ChainMath;

/**
 * A letter's archive bundle (issue 6, item 6): a ZIP that proves itself offline. It holds the letter's view, its
 * PDF of record, every event of its stream as stored (with the canonical fields its hash covers), the chain from
 * its first event to a signed, timestamped checkpoint, a README on verifying it, and a manifest of every file's
 * SHA-256 under the system's seal. {@link BundleVerifier} checks one without the server.
 */
public class ArchiveBundles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int WINDOW = 500;

    private final MongoCollection<Document> events;
    private final IntegrityCheckpoints checkpoints;
    private final BlobStore blobs;

    public ArchiveBundles(MongoDatabase db, IntegrityCheckpoints checkpoints, BlobStore blobs) {
        this.events = db.getCollection("events");
        this.checkpoints = checkpoints;
        this.blobs = blobs;
    }

    /** The bundle of a letter whose view the caller may see (checked by the caller). */
    public byte[] letter(String letterId, Document view) throws IOException {
        String subject = view.getString("subject") != null ? view.getString("subject")
                : view.get("content") instanceof Document c ? c.getString("subject") : null;
        view.remove("_id");
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("letter.json", JSON.writeValueAsBytes(Document.parse(view.toJson())));
        return bundle(letterId, "เรื่อง: " + (subject == null ? "-" : subject), extra, List.of(view));
    }

    /**
     * The bundle of a register book of one year: its rows (JSON and the CSV the register exports), and for every
     * letter on it, its view, PDF of record and events, chained to one checkpoint (the caller checked access).
     */
    public byte[] register(String title, List<Document> rows, byte[] csv, List<Document> views) throws IOException {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        extra.put("register.json", JSON.writeValueAsBytes(rows.stream().map(r -> Document.parse(r.toJson())).toList()));
        extra.put("register.csv", csv);
        for (Document v : views) {
            v.remove("_id");
            extra.put("letters/" + v.getString("id") + ".json", JSON.writeValueAsBytes(Document.parse(v.toJson())));
        }
        return bundle(title, "ทะเบียน " + title + " (" + views.size() + " ฉบับ)", extra, views);
    }

    private byte[] bundle(String name, String heading, Map<String, byte[]> extra, List<Document> views)
            throws IOException {
        List<String> ids = views.stream().map(v -> v.getString("id")).toList();
        List<Document> stream = ids.isEmpty() ? new ArrayList<>()
                : events.find(in("aggregateIdentifier", ids)).into(new ArrayList<>());
        stream.sort(Comparator.comparingLong(d -> d.getLong("_id")));
        if (stream.isEmpty()) {
            throw new IllegalStateException("no events for " + name);
        }
        Document checkpoint = checkpoints.checkpoint().orElseThrow();
        long from = stream.get(0).getLong("_id");
        long to = checkpoint.get("_id", Number.class).longValue();

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", readme(name, heading, stream.size(), from, to).getBytes(StandardCharsets.UTF_8));
        files.putAll(extra);
        for (Document v : views) {
            String pdf = v.getString("pdfSha256");
            if (pdf != null && !files.containsKey("documents/" + pdf + ".pdf") && blobs.find(pdf).isPresent()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                blobs.copyTo(pdf, bytes);
                files.put("documents/" + pdf + ".pdf", bytes.toByteArray());
            }
        }
        List<Map<String, Object>> eventList = new ArrayList<>();
        for (Document d : stream) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("position", d.getLong("_id"));
            e.put("prevHash", d.getString(EventChain.PREV_HASH));
            e.put("hash", d.getString(EventChain.HASH));
            e.put("fields", EventChain.fields(d));
            eventList.add(e);
        }
        files.put(BundleVerifier.EVENTS, JSON.writeValueAsBytes(eventList));
        files.put(BundleVerifier.CHAIN, JSON.writeValueAsBytes(chain(from, to)));
        Map<String, Object> cp = new LinkedHashMap<>();
        cp.put("position", to);
        for (String k : List.of("hash", "at", "statement", "algorithm", "signature", "certificate", "timestampToken")) {
            cp.put(k, checkpoint.getString(k));
        }
        files.put(BundleVerifier.CHECKPOINT, JSON.writeValueAsBytes(cp));

        Map<String, String> digests = new LinkedHashMap<>();
        files.forEach((file, bytes) -> digests.put(file, ChainMath.hex(ChainMath.sha256(bytes))));
        byte[] manifest = JSON.writeValueAsBytes(Map.of("format", BundleVerifier.FORMAT, "of", name, "files", digests));
        byte[] seal = JSON.writeValueAsBytes(checkpoints.seal(manifest));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                put(out, f.getKey(), f.getValue());
            }
            put(out, BundleVerifier.MANIFEST, manifest);
            put(out, BundleVerifier.MANIFEST_SIGNATURE, seal);
        }
        return zip.toByteArray();
    }

    /** Every position from {@code from} to {@code to}: its link and the digest of its content. */
    private List<Map<String, Object>> chain(long from, long to) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long start = from; start <= to; start += WINDOW) {
            long end = Math.min(to, start + WINDOW - 1);
            Map<Long, Document> found = new HashMap<>();
            events.find(in("_id", LongStream.rangeClosed(start, end).boxed().toList()))
                    .forEach(d -> found.put(d.getLong("_id"), d));
            for (long p = start; p <= end; p++) {
                Document d = found.get(p);
                if (d == null) {
                    throw new IllegalStateException("the event log has no event at " + p + ": verify its integrity");
                }
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("position", p);
                link.put("prevHash", d.getString(EventChain.PREV_HASH));
                link.put("contentSha256", EventChain.contentSha256(d));
                link.put("hash", d.getString(EventChain.HASH));
                out.add(link);
            }
        }
        return out;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    static String readme(String name, String heading, int events, long from, long to) {
        return """
                ชุดเอกสารจดหมายเหตุ (Saraban archive bundle) — %s
                %s

                มีอะไรอยู่ในชุดนี้
                  letter.json / letters/*.json   หนังสือตามที่ระบบแสดง ณ เวลาที่ส่งออก
                  register.json, register.csv    ทะเบียน (เฉพาะชุดของทะเบียน)
                  documents/*.pdf      ฉบับจริงของหนังสือ (PDF/A-3 ลงลายมือชื่อ PAdES) ถ้ามี
                  events.json          เหตุการณ์ทั้ง %d รายการ ตามที่บันทึกไว้ พร้อม prevHash และ hash
                  chain.json           สายแฮชตั้งแต่ลำดับที่ %d ถึงลำดับที่ %d (จุดที่ประทับตรา)
                  checkpoint.json      ตราประทับของระบบที่ลำดับที่ %d พร้อมตราเวลา RFC 3161
                  manifest.json        ค่า SHA-256 ของทุกแฟ้ม; manifest.sig.json ลายมือชื่อของตราระบบบน manifest

                วิธีตรวจสอบโดยไม่ต้องใช้เซิร์ฟเวอร์
                  ./mvnw -q -pl signing exec:java -Dexec.mainClass=org.saraban.signing.bundle.BundleVerifier \\
                      -Dexec.args=<แฟ้ม zip นี้>
                  ผลลัพธ์ VALID หมายความว่าทุกแฟ้มตรงตามที่ประทับตรา เหตุการณ์เชื่อมต่อในสายแฮช
                  จนถึงตราประทับที่ลงลายมือชื่อและตราเวลาไว้ หากแก้ไขแม้หนึ่งไบต์ในแฟ้มใด การตรวจจะไม่ผ่าน
                  ลายมือชื่อใน PDF ตรวจได้ด้วยโปรแกรมตรวจ PAdES ทั่วไป หรือหน้า "ตรวจสอบลายมือชื่อ" ของระบบ

                What is in this bundle: the letters' views, their PDFs of record (if any), their %d events as stored,
                the hash chain from position %d to the sealed checkpoint at %d, the checkpoint (signed by the
                system's seal, RFC 3161-timestamped), and a manifest of every file's SHA-256 signed by the seal.
                To verify it offline, run the command above on this file: VALID means every file is as sealed and
                the events are linked, unbroken, to the signed and timestamped checkpoint. Hashes:
                hash = SHA-256(prevHash || SHA-256(canonical fields)), the fields in events.json in their order,
                each name and value as a 4-byte big-endian length and UTF-8 (length -1 for null).
                """.formatted(name, heading, events, from, to, to, events, from, to);
    }
}
