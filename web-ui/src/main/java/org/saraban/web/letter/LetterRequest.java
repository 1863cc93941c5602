package org.saraban.web.letter;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.OwnerUnit;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.StampedPurpose;
import org.saraban.api.letter.Urgency;

/**
 * A letter as a client sends it (API.md "Letters"). {@code body} is a list of paragraphs or one string;
 * a recipient is an object or, as in the sample letters, a plain position string; {@code signatory} is
 * a person id from {@code /api/people}.
 */
public record LetterRequest(
        LetterKind kind,
        Boolean circular,
        Urgency urgency,
        OffsetDateTime deliverBy,
        Secrecy secrecy,
        String subject,
        String salutation,
        List<RecipientDto> to,
        List<String> references,
        List<EnclosureDto> enclosures,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> body,
        String closing,
        String signatory,
        OwnerUnit ownerUnit,
        List<RecipientDto> copiesTo,
        StampedPurpose stampedPurpose) {

    /** An addressee: {@code {"agencyCode": "นร ๐๕", "position": "เลขาธิการคณะรัฐมนตรี"}}, or a string. */
    public record RecipientDto(String agencyCode, String unitCode, String personId, String position, String name) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public RecipientDto(@JsonProperty("agencyCode") String agencyCode, @JsonProperty("unitCode") String unitCode,
                            @JsonProperty("personId") String personId, @JsonProperty("position") String position,
                            @JsonProperty("name") String name) {
            this.agencyCode = agencyCode;
            this.unitCode = unitCode;
            this.personId = personId;
            this.position = position;
            this.name = name;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static RecipientDto of(String label) {
            return new RecipientDto(null, null, null, label, null);
        }
    }

    /** สิ่งที่ส่งมาด้วย: a title and optionally the SHA-256 returned by {@code POST /api/files}. */
    public record EnclosureDto(String title, String sha256) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public EnclosureDto(@JsonProperty("title") String title, @JsonProperty("sha256") String sha256) {
            this.title = title;
            this.sha256 = sha256;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static EnclosureDto of(String title) {
            return new EnclosureDto(title, null);
        }
    }
}
