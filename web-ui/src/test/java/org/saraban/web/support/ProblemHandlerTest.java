package org.saraban.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What a request gets when it fails for a reason that is not its own. */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    /**
     * The store benchmark stopped a server while two searches ran in it: the driver threw MongoInterruptedException
     * ("interrupted waiting for lock"), and it was logged and answered as an unexpected 500.
     */
    @Test
    void a_request_cut_off_by_the_server_stopping_is_a_503_to_try_again_not_an_internal_error() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("search failed",
                new com.mongodb.MongoInterruptedException("interrupted waiting for lock", new InterruptedException())));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVER_STOPPING");
    }

    @Test
    void anything_else_unexpected_stays_a_500() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("a bug"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }
}
