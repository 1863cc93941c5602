package org.saraban.web.support;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.saraban.web.config.StorageConfig;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any POST (API.md): the first request's response is kept for 24 hours and
 * returned again for a retry with the same key, which changes nothing more. The key is scoped to the
 * caller; the same key with a different body is refused.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    private static final Duration STALE_PENDING = Duration.ofMinutes(2);

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public IdempotencyFilter(StorageConfig.Store store, Clock clock) {
        this.keys = store.database().getCollection("idempotency_keys");
        this.clock = clock;
        keys.createIndex(Indexes.ascending("createdAt"),
                new IndexOptions().name("expire").expireAfter(KEEP.toSeconds(), TimeUnit.SECONDS));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1–200 characters");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String caller = auth == null ? "anonymous" : auth.getName();
        byte[] body = request.getInputStream().readAllBytes();
        String id = sha256((caller + "\n" + request.getRequestURI() + "\n" + key).getBytes(StandardCharsets.UTF_8));
        String bodyHash = sha256(body);
        Date now = Date.from(clock.instant());

        Document existing = keys.find(eq("_id", id)).first();
        if (existing != null && existing.getDate("createdAt").toInstant().isBefore(clock.instant().minus(KEEP))) {
            keys.deleteOne(eq("_id", id));
            existing = null;
        }
        if (existing == null) {
            try {
                keys.insertOne(new Document("_id", id).append("state", "PENDING").append("bodyHash", bodyHash)
                        .append("createdAt", now));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing = keys.find(eq("_id", id)).first();
            }
        }
        if (existing != null) {
            if (!bodyHash.equals(existing.getString("bodyHash"))) {
                Problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                        "this Idempotency-Key was used for a different request");
                return;
            }
            if ("DONE".equals(existing.getString("state"))) {
                replay(existing, response);
                return;
            }
            if (existing.getDate("createdAt").toInstant().isAfter(clock.instant().minus(STALE_PENDING))) {
                Problems.write(response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS",
                        "a request with this Idempotency-Key is still being processed");
                return;
            }
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBody(request, body), captured);
        } finally {
            int status = captured.getStatus();
            if (status >= 500) {
                keys.deleteOne(eq("_id", id)); // nothing was acknowledged: the client may retry with the same key
            } else {
                keys.updateOne(eq("_id", id), new Document("$set", new Document("state", "DONE")
                        .append("status", status)
                        .append("contentType", captured.getContentType())
                        .append("location", captured.getHeader("Location"))
                        .append("etag", captured.getHeader("ETag"))
                        .append("body", new Binary(captured.getContentAsByteArray()))));
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(Document d, HttpServletResponse response) throws IOException {
        response.setStatus(d.getInteger("status"));
        if (d.getString("contentType") != null) {
            response.setContentType(d.getString("contentType"));
        }
        if (d.getString("location") != null) {
            response.setHeader("Location", d.getString("location"));
        }
        if (d.getString("etag") != null) {
            response.setHeader("ETag", d.getString("etag"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(d.get("body", Binary.class).getData());
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be hashed and still handled. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
