package org.saraban.web.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.SarabanException;
import org.saraban.web.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every refusal to problem+json with a stable code (API.md "Errors"). */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(SarabanException.class)
    ResponseEntity<ProblemDetail> domain(SarabanException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return Problems.response(status, e.code(), detailFor(e), e.errors());
    }

    private static String detailFor(SarabanException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> "not found";
            case FORBIDDEN -> "your role or position does not allow this";
            case CONFLICT -> "the letter's state does not allow this";
            case INVALID -> "some fields are invalid";
            case PRECONDITION_FAILED -> "precondition failed";
            case UNAVAILABLE -> "a service this needs did not answer; nothing was changed, try again";
        };
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "LETTER_NOT_FOUND", "not found", List.of());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> version(ConflictingAggregateVersionException e) {
        return Problems.response(HttpStatus.PRECONDITION_FAILED, "VERSION_MISMATCH",
                "the letter changed since the version in If-Match", List.of(new FieldError("If-Match", "stale version")));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e) {
        return Problems.response(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION", "changed concurrently; retry", List.of());
    }

    @ExceptionHandler(CurrentActor.UnknownCallerException.class)
    ResponseEntity<ProblemDetail> unknownCaller(CurrentActor.UnknownCallerException e) {
        return Problems.response(HttpStatus.FORBIDDEN, "NOT_IN_DIRECTORY", "the caller is not in the directory", List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "VALIDATION_FAILED", "some fields are invalid", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_VALUE", "a field has an unknown value",
                    List.of(new FieldError(path(f), "must be one of " + allowed)));
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_FIELD", "a field is not known",
                    List.of(new FieldError(path(u), "unknown field")));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_VALUE", "a field has the wrong type",
                    List.of(new FieldError(path(m), "wrong type or format")));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_VALUE", "a field is invalid",
                    List.of(new FieldError(path(m), "invalid value")));
        }
        String where = "$";
        if (cause instanceof JsonProcessingException p && p.getLocation() != null) {
            where = "$ (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
        }
        return Problems.response(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "the request body is not valid JSON",
                List.of(new FieldError(where, "malformed JSON")));
    }

    public static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "$" : b.toString();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return Problems.response(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "the upload is too large",
                List.of(new FieldError("file", "larger than the allowed size")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e.getCause() != null && e.getCause().getClass().getSimpleName().contains("SizeLimitExceeded")
                || String.valueOf(e.getMessage()).contains("size")) {
            return tooLarge(null);
        }
        return Problems.response(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART", "the multipart request is malformed",
                List.of(new FieldError("$", "malformed multipart body")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "MISSING_PART", "a part is missing",
                List.of(new FieldError(e.getRequestPartName(), "required")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "a parameter is missing",
                List.of(new FieldError(e.getParameterName(), "required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "a header is missing",
                List.of(new FieldError(e.getHeaderName(), "required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "a parameter has the wrong type",
                List.of(new FieldError(e.getName(), "wrong type or format")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "send " + e.getSupportedMediaTypes(), List.of(new FieldError("Content-Type", "not supported")));
    }

    @ExceptionHandler(UnsupportedMediaException.class)
    ResponseEntity<ProblemDetail> unsupportedUpload(UnsupportedMediaException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "wrong kind of file", e.errors());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "cannot produce that media type",
                List.of(new FieldError("Accept", "not available")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "method not allowed", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "not found", List.of());
    }

    /** A header or parameter the firewall refuses (control or non-characters), found while the handler reads it. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "a header or parameter holds characters that are not allowed", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (storeUnreachable(e)) {
            // the database is away (network, failover, restart): nothing partial was acknowledged; try again
            log.warn("the store did not answer: {}", e.toString());
            return Problems.storeUnavailable();
        }
        if (interrupted(e)) {
            // the server is stopping (its request threads are interrupted): not a fault of the request or the code
            log.warn("a request was cut off while the server stops: {}", e.toString());
            return Problems.stopping();
        }
        log.error("unexpected error", e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "an unexpected error occurred",
                new ArrayList<>());
    }

    /** Whether the request's thread was interrupted: the failure, or one of its causes, says so. */
    static boolean interrupted(Throwable e) {
        return causedBy(e, t -> t instanceof com.mongodb.MongoInterruptedException || t instanceof InterruptedException);
    }

    /** Whether the failure or one of its causes is {@code what}. */
    private static boolean causedBy(Throwable e, java.util.function.Predicate<Throwable> what) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (what.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or one of its causes, is the database not being reachable. */
    public static boolean storeUnreachable(Throwable e) {
        return causedBy(e, t -> t instanceof com.mongodb.MongoTimeoutException
                || t instanceof com.mongodb.MongoSocketException
                || t instanceof com.mongodb.MongoNotPrimaryException
                || t instanceof com.mongodb.MongoNodeIsRecoveringException
                || t instanceof com.mongodb.MongoConnectionPoolClearedException);
    }
}
