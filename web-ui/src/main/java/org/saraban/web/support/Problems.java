package org.saraban.web.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.saraban.api.common.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * {@code application/problem+json} with a stable {@code code} and {@code errors: [{field, reason}]}
 * (API.md "Errors"). Internal messages never go into a problem.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://saraban.example/problems/" + code.toLowerCase().replace('_', '-')));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        p.setProperty("errors", errors == null ? List.of() : errors);
        return p;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
                                                         List<FieldError> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail, errors));
    }

    /** For filters and security handlers, which write the response themselves. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail p = problem(status, code, detail, List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.putAll(p.getProperties());
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** The database did not answer: 503 with {@code Retry-After}, from a controller. */
    public static ResponseEntity<ProblemDetail> storeUnavailable() {
        return unavailable(STORE_UNAVAILABLE, STORE_UNAVAILABLE_DETAIL);
    }

    /** The same, from a filter or security handler. */
    public static void writeStoreUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", STORE_RETRY_AFTER);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE, STORE_UNAVAILABLE_DETAIL);
    }

    /** A request cut off because this server is stopping: another node, or this one restarted, can answer it. */
    public static ResponseEntity<ProblemDetail> stopping() {
        return unavailable("SERVER_STOPPING", "the server is stopping and did not finish the request; try again");
    }

    /** 503 with {@code Retry-After}: nothing went wrong with the request, and it may be sent again. */
    private static ResponseEntity<ProblemDetail> unavailable(String code, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", STORE_RETRY_AFTER)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, code, detail, List.of()));
    }

    private static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";
    private static final String STORE_UNAVAILABLE_DETAIL = "the database did not answer; nothing was acknowledged, try again";
    private static final String STORE_RETRY_AFTER = "5";
}
