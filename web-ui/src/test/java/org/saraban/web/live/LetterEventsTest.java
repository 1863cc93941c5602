package org.saraban.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.register.NumberVoidedEvent;

/** Every event of the letter package is pushed, about the view LetterProjection changes with it. */
class LetterEventsTest {

    private static final Instant AT = Instant.parse("2026-11-21T02:30:00Z");

    @Test
    void every_event_of_the_letter_package_names_a_letter_type_and_time() throws Exception {
        List<Class<?>> events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.saraban.api.letter").stream()
                .filter(c -> c.getSimpleName().endsWith("Event") && c.reflect().isRecord())
                .map(JavaClass::reflect).<Class<?>>map(c -> c).toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(17);

        for (Class<?> type : events) {
            Object event = instance(type);
            assertThat(LetterEvents.ref(event)).as(type.getSimpleName()).hasValueSatisfying(ref -> {
                assertThat(ref.letterId()).isNotNull();
                assertThat(ref.at()).isEqualTo(AT);
                assertThat(ref.type() + "Event").isEqualTo(type.getSimpleName());
            });
        }
    }

    @Test
    void a_received_copy_is_named_by_its_own_id_and_an_acknowledgement_by_the_senders_letter() {
        assertThat(LetterEvents.ref(new LetterDeliveredEvent("copy", "source", "สพร", null, "นร ๐๕", List.of(), false,
                null, null, AT, List.of(), AT)).orElseThrow().letterId()).isEqualTo("copy");
        assertThat(LetterEvents.ref(new LetterReceivedEvent("copy", "source", "นร ๐๕", null, 2569, 1, "๑", AT))
                .orElseThrow().letterId()).isEqualTo("copy");
        assertThat(LetterEvents.ref(new PaperLetterImportedEvent("paper", "นร ๐๕", null, null, null, AT))
                .orElseThrow().letterId()).isEqualTo("paper");
        assertThat(LetterEvents.ref(new LetterAcknowledgedEvent("source", "นร ๐๕", "copy", "๑", null, AT))
                .orElseThrow().letterId()).isEqualTo("source");
        assertThat(LetterEvents.ref(new LetterDispatchedEvent("source", "สพร", null, null, null, null, null, null,
                List.of(), null, List.of(), AT)).orElseThrow().type()).isEqualTo("LetterDispatched");
    }

    @Test
    void events_of_other_packages_are_not_letter_events() {
        assertThat(LetterEvents.ref(new NumberVoidedEvent("book", "สพร", null, 2569, 1, "l", null, "x", AT))).isEmpty();
        assertThat(LetterEvents.ref("not an event")).isEmpty();
    }

    /** The record with "x" for every string, AT for every instant, zero/false for primitives, null otherwise. */
    private static Object instance(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            types[i] = t;
            args[i] = t == String.class ? "x" : t == Instant.class ? AT : t == boolean.class ? false
                    : t == int.class ? 0 : t == long.class ? 0L : t == List.class ? List.of() : null;
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(args);
    }
}
