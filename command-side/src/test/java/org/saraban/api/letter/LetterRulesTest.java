package org.saraban.api.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.saraban.api.letter.LetterKind.ANNOUNCEMENT;
import static org.saraban.api.letter.LetterKind.BYLAW;
import static org.saraban.api.letter.LetterKind.CERTIFICATE;
import static org.saraban.api.letter.LetterKind.EXTERNAL;
import static org.saraban.api.letter.LetterKind.INTERNAL;
import static org.saraban.api.letter.LetterKind.MEMO;
import static org.saraban.api.letter.LetterKind.MINUTES;
import static org.saraban.api.letter.LetterKind.NEWS;
import static org.saraban.api.letter.LetterKind.ORDER;
import static org.saraban.api.letter.LetterKind.REGULATION;
import static org.saraban.api.letter.LetterKind.STAMPED;
import static org.saraban.api.letter.LetterKind.STATEMENT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.PersonRef;

class LetterRulesTest {

    private static final PersonRef SIGNATORY = new PersonRef("p-signer", "นายผู้ลงนาม", "ผู้อำนวยการ", "สพร", null);
    private static final Recipient ADDRESSEE = new Recipient("กค", null, null, "อธิบดีกรมบัญชีกลาง", null);

    /** The regulation's forms, kind by kind: which fields an empty letter of that kind is missing. */
    static Stream<Arguments> requiredFieldsByKind() {
        return Stream.of(
                Arguments.of(EXTERNAL, Set.of("subject", "salutation", "to", "body", "closing", "signatory",
                        "ownerUnit.name")),
                Arguments.of(INTERNAL, Set.of("subject", "salutation", "to", "body", "signatory", "ownerUnit.name")),
                Arguments.of(STAMPED, Set.of("salutation", "to", "body", "signatory", "ownerUnit.name",
                        "stampedPurpose")),
                Arguments.of(ORDER, Set.of("subject", "body", "signatory")),
                Arguments.of(REGULATION, Set.of("subject", "body", "signatory")),
                Arguments.of(BYLAW, Set.of("subject", "body", "signatory")),
                Arguments.of(ANNOUNCEMENT, Set.of("subject", "body", "signatory")),
                Arguments.of(STATEMENT, Set.of("subject", "body")),
                Arguments.of(NEWS, Set.of("subject", "body")),
                Arguments.of(CERTIFICATE, Set.of("body", "signatory")),
                Arguments.of(MINUTES, Set.of("subject", "body", "signatory")),
                Arguments.of(MEMO, Set.of("subject", "to", "body", "signatory")));
    }

    @ParameterizedTest(name = "{0} requires {1}")
    @MethodSource("requiredFieldsByKind")
    void an_empty_letter_lacks_exactly_the_fields_its_form_requires(LetterKind kind, Set<String> required) {
        LetterContent empty = new LetterContent(kind, false, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(fields(LetterRules.check(empty))).isEqualTo(required);
    }

    @Test
    void the_table_covers_every_kind() {
        assertThat(requiredFieldsByKind().map(a -> a.get()[0]).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder((Object[]) LetterKind.values());
    }

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void a_complete_letter_of_each_kind_passes(LetterKind kind) {
        assertThat(LetterRules.check(complete(kind))).isEmpty();
    }

    @Test
    void a_letter_without_a_kind_is_refused_for_that_alone() {
        LetterContent noKind = new LetterContent(null, false, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(LetterRules.check(noKind)).containsExactly(new FieldError("kind", "required"));
    }

    @Test
    void only_a_stamped_letter_has_a_purpose() {
        LetterContent c = with(complete(EXTERNAL), StampedPurpose.REMINDER, false);
        assertThat(fields(LetterRules.check(c))).containsExactly("stampedPurpose");
    }

    @Test
    void only_external_internal_and_stamped_letters_can_be_circular() {
        assertThat(LetterRules.check(with(complete(INTERNAL), null, true))).isEmpty();
        assertThat(LetterRules.check(with(complete(STAMPED), StampedPurpose.SEND_COPIES, true))).isEmpty();
        assertThat(fields(LetterRules.check(with(complete(ORDER), null, true)))).containsExactly("circular");
    }

    @Test
    void a_subject_longer_than_the_limit_is_refused() {
        LetterContent c = complete(EXTERNAL);
        LetterContent longSubject = new LetterContent(c.kind(), false, null, null, null,
                "ก".repeat(LetterRules.MAX_SUBJECT + 1), c.salutation(), c.to(), null, null, c.body(), c.closing(),
                c.signatory(), c.ownerUnit(), null, null);
        assertThat(fields(LetterRules.check(longSubject))).containsExactly("subject");
        LetterContent atLimit = new LetterContent(c.kind(), false, null, null, null,
                "ก".repeat(LetterRules.MAX_SUBJECT), c.salutation(), c.to(), null, null, c.body(), c.closing(),
                c.signatory(), c.ownerUnit(), null, null);
        assertThat(LetterRules.check(atLimit)).isEmpty();
    }

    @Test
    void a_body_of_blank_paragraphs_is_no_body() {
        assertThat(fields(LetterRules.check(withBody(complete(MEMO), List.of(" ", ""))))).containsExactly("body");
    }

    @Test
    void paragraphs_are_limited_in_number_and_length() {
        assertThat(fields(LetterRules.check(withBody(complete(MEMO),
                Collections.nCopies(LetterRules.MAX_PARAGRAPHS + 1, "ย่อหน้า"))))).containsExactly("body");
        assertThat(fields(LetterRules.check(withBody(complete(MEMO),
                List.of("ย่อหน้าแรก", "ข".repeat(LetterRules.MAX_PARAGRAPH + 1)))))).containsExactly("body[1]");
    }

    @Test
    void a_null_paragraph_is_refused_by_the_content_record_itself() {
        List<String> body = new ArrayList<>();
        body.add("ย่อหน้าแรก");
        body.add(null);
        // List.copyOf in the record refuses nulls, so a null paragraph can only arrive as a bug upstream
        assertThatNullPointerException()
                .isThrownBy(() -> withBody(complete(MEMO), body));
    }

    @Test
    void a_recipient_needs_an_agency_a_position_or_a_name() {
        LetterContent c = complete(EXTERNAL);
        LetterContent nobody = new LetterContent(c.kind(), false, null, null, null, c.subject(), c.salutation(),
                List.of(ADDRESSEE, new Recipient(" ", "๐๑", null, null, "")), null, null, c.body(), c.closing(),
                c.signatory(), c.ownerUnit(), List.of(new Recipient(null, null, null, null, null)), null);
        assertThat(fields(LetterRules.check(nobody))).containsExactlyInAnyOrder("to[1]", "copiesTo[0]");
    }

    @Test
    void recipients_are_limited() {
        LetterContent c = complete(EXTERNAL);
        List<Recipient> many = Collections.nCopies(LetterRules.MAX_RECIPIENTS, ADDRESSEE);
        LetterContent tooMany = new LetterContent(c.kind(), false, null, null, null, c.subject(), c.salutation(),
                many, null, null, c.body(), c.closing(), c.signatory(), c.ownerUnit(), List.of(ADDRESSEE), null);
        assertThat(fields(LetterRules.check(tooMany))).containsExactly("to");
    }

    @Test
    void an_enclosure_needs_a_title_and_a_lowercase_sha256() {
        LetterContent c = complete(EXTERNAL);
        List<Enclosure> enclosures = List.of(
                new Enclosure("สำเนาคำสั่ง", "ab".repeat(32), "order.pdf", "application/pdf", 10L),
                new Enclosure(" ", null, null, null, null),
                new Enclosure("ภาพ", "AB".repeat(32), null, null, null));
        LetterContent withEnclosures = new LetterContent(c.kind(), false, null, null, null, c.subject(),
                c.salutation(), c.to(), null, enclosures, c.body(), c.closing(), c.signatory(), c.ownerUnit(), null,
                null);
        assertThat(fields(LetterRules.check(withEnclosures)))
                .containsExactlyInAnyOrder("enclosures[1].title", "enclosures[2].sha256");
    }

    @Test
    void a_reference_must_not_be_blank() {
        LetterContent c = complete(EXTERNAL);
        LetterContent refs = new LetterContent(c.kind(), false, null, null, null, c.subject(), c.salutation(), c.to(),
                List.of("หนังสือ กค ๐๔๐๑/๗๗", " "), null, c.body(), c.closing(), c.signatory(), c.ownerUnit(), null,
                null);
        assertThat(fields(LetterRules.check(refs))).containsExactly("references[1]");
    }

    @Test
    void defaults_are_normal_urgency_no_secrecy_and_empty_lists() {
        LetterContent c = new LetterContent(MEMO, false, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
        assertThat(c.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(c.secrecy()).isEqualTo(Secrecy.NONE);
        assertThat(c.to()).isEmpty();
        assertThat(c.copiesTo()).isEmpty();
        assertThat(c.allRecipients()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static LetterContent complete(LetterKind kind) {
        return new LetterContent(kind, false, null, null, null, "เรื่องทดสอบ", "เรียน", List.of(ADDRESSEE), null, null,
                List.of("ข้อความ"), "ขอแสดงความนับถือ", SIGNATORY, new OwnerUnit("กองกลาง", null, null, null), null,
                kind == STAMPED ? StampedPurpose.REQUEST_DETAILS : null);
    }

    private static LetterContent with(LetterContent c, StampedPurpose purpose, boolean circular) {
        return new LetterContent(c.kind(), circular, c.urgency(), c.deliverBy(), c.secrecy(), c.subject(),
                c.salutation(), c.to(), c.references(), c.enclosures(), c.body(), c.closing(), c.signatory(),
                c.ownerUnit(), c.copiesTo(), purpose);
    }

    private static LetterContent withBody(LetterContent c, List<String> body) {
        return new LetterContent(c.kind(), c.circular(), c.urgency(), c.deliverBy(), c.secrecy(), c.subject(),
                c.salutation(), c.to(), c.references(), c.enclosures(), body, c.closing(), c.signatory(),
                c.ownerUnit(), c.copiesTo(), c.stampedPurpose());
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
