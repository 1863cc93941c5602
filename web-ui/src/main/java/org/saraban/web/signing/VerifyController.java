package org.saraban.web.signing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.query.support.Docs;
import org.saraban.signing.pades.PdfVerifier;
import org.saraban.signing.pades.VerificationReport;
import org.saraban.signing.pades.VerificationReport.CertificateStatus;
import org.saraban.signing.pades.VerificationReport.SignatureReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/verify}: anyone, without logging in, uploads a PDF and reads who signed it, when,
 * whether each revision is intact, the certificates' status and the PAdES level reached (DOMAIN.md §9
 * "Signing": anyone can verify a signed PDF). Nothing is stored.
 */
@RestController
@RequestMapping(path = "/api/verify", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "verify", description = "ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์ในแฟ้ม PDF")
public class VerifyController {

    private final PdfVerifier verifier;

    public VerifyController(PdfVerifier verifier) {
        this.verifier = verifier;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify an uploaded PDF (multipart field 'file'); no login")
    public Map<String, Object> verifyUpload(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        return verified(file == null ? null : file.getBytes());
    }

    @PostMapping(consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Verify a PDF sent as the request body; no login")
    public Map<String, Object> verifyBody(@RequestBody byte[] pdf) {
        return verified(pdf);
    }

    private Map<String, Object> verified(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new InvalidFieldsException("FILE_REQUIRED", List.of(new FieldError("file", "a PDF file is required")));
        }
        return report(verifier.verify(pdf));
    }

    static Map<String, Object> report(VerificationReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status().name());
        out.put("problem", r.problem());
        out.put("length", r.length());
        out.put("valid", r.allValid());
        out.put("signed", !r.signatures().isEmpty());
        out.put("summaryThai", summaryThai(r));
        out.put("signatures", r.signatures().stream().map(VerifyController::signature).toList());
        return out;
    }

    private static Map<String, Object> signature(SignatureReport s) {
        Document m = new Document();
        m.put("revision", s.revision());
        m.put("kind", s.kind().name());
        m.put("signerName", s.signerName());
        m.put("subject", s.certificate() == null ? null : s.certificate().subject());
        m.put("issuer", s.certificate() == null ? null : s.certificate().issuer());
        m.put("serialNumber", s.certificate() == null ? null : s.certificate().serialNumber());
        Docs.putTime(m, "claimedTime", s.claimedTime());
        Docs.putTime(m, "timestampTime", s.timestampTime());
        m.put("intact", s.intact());
        m.put("digestMatches", s.digestMatches());
        m.put("signatureValid", s.signatureValid());
        m.put("coversWholeDocument", s.coversWholeDocument());
        m.put("laterChanges", s.laterChanges().stream()
                .map(c -> Map.of("kind", c.kind().name(), "detail", c.detail() == null ? "" : c.detail())).toList());
        m.put("certificateStatus", s.certificateStatus().name());
        m.put("certificateStatusThai", statusThai(s.certificateStatus()));
        m.put("level", s.level() == VerificationReport.PadesLevel.NONE ? null
                : "PAdES-BASELINE-" + s.level().name().substring(2));
        m.put("notes", s.notes());
        return m;
    }

    private static String statusThai(CertificateStatus s) {
        return switch (s) {
            case VALID -> "ใบรับรองเชื่อถือได้และยังไม่ถูกเพิกถอน";
            case REVOCATION_UNKNOWN -> "ใบรับรองเชื่อถือได้ แต่ไม่มีข้อมูลการเพิกถอนในแฟ้ม";
            case REVOKED -> "ใบรับรองถูกเพิกถอนก่อนการลงลายมือชื่อ";
            case EXPIRED -> "ใบรับรองหมดอายุ ณ เวลาที่ลงลายมือชื่อ";
            case NOT_TRUSTED -> "ไม่อาจตรวจสอบผู้ออกใบรับรองได้ (ไม่อยู่ในรายการที่เชื่อถือ)";
            case NO_CERTIFICATE -> "ไม่มีใบรับรองของผู้ลงลายมือชื่อในแฟ้ม";
        };
    }

    static String summaryThai(VerificationReport r) {
        return switch (r.status()) {
            case MALFORMED -> "อ่านแฟ้มไม่ได้: ไม่ใช่แฟ้ม PDF ที่สมบูรณ์";
            case TOO_LARGE -> "แฟ้มมีขนาดใหญ่เกินกว่าที่ระบบตรวจสอบได้";
            case READ -> r.signatures().isEmpty() ? "แฟ้มนี้ไม่มีลายมือชื่ออิเล็กทรอนิกส์"
                    : r.allValid() ? "ลายมือชื่ออิเล็กทรอนิกส์ทุกรายการถูกต้อง เอกสารไม่ถูกแก้ไขหลังลงนาม"
                    : "พบลายมือชื่อที่ไม่ถูกต้องหรือตรวจสอบไม่ได้ โปรดดูรายละเอียด";
        };
    }
}
