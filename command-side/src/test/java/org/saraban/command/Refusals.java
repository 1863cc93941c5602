package org.saraban.command;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.SarabanException;

/**
 * Hamcrest matchers for {@code ResultValidator.expectException(Matcher)}: a refusal is identified by
 * its stable code and kind, which clients rely on, never by its log message.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link SarabanException} of the given kind and code. */
    public static Matcher<SarabanException> refused(SarabanException.Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(SarabanException e) {
                return e.kind() == kind && code.equals(e.code());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a SarabanException of kind " + kind + " with code " + code);
            }

            @Override
            protected void describeMismatchSafely(SarabanException e, Description d) {
                d.appendText("was " + e.getClass().getSimpleName() + " " + e.kind() + "/" + e.code()
                        + " (" + e.getMessage() + ")");
            }
        };
    }

    /** An INVALID refusal with the given code whose field errors name exactly these fields. */
    public static Matcher<SarabanException> invalidFields(String code, String... fields) {
        Set<String> expected = Set.of(fields);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(SarabanException e) {
                return e.kind() == SarabanException.Kind.INVALID && code.equals(e.code())
                        && fieldsOf(e.errors()).equals(expected);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("an INVALID refusal " + code + " for fields " + Arrays.toString(fields));
            }

            @Override
            protected void describeMismatchSafely(SarabanException e, Description d) {
                d.appendText("was " + e.kind() + "/" + e.code() + " with errors " + e.errors());
            }
        };
    }

    private static Set<String> fieldsOf(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }
}
