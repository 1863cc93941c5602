package org.saraban.api.common;

/** One invalid field of a request: the JSON path of the field and why it was refused. */
public record FieldError(String field, String reason) {
}
