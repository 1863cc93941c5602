package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * API.md "Conventions": in production the caller brings an OIDC access token; its
 * {@code preferred_username} names the directory person. The identity provider's public key is
 * configured as PEM ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}); this class
 * plays the provider with a key pair of its own (a separate Spring context).
 */
class OidcBearerTokenTest extends AcceptanceTestSupport {

    private static final KeyPair PROVIDER = rsaKeyPair();
    private static final KeyPair IMPOSTOR = rsaKeyPair();
    private static final Path PUBLIC_KEY_PEM = writePem(PROVIDER);

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + PUBLIC_KEY_PEM.toAbsolutePath());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(KeyPair keys) {
        try {
            Path pem = Files.createTempFile("saraban-oidc-", ".pem");
            pem.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(keys.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n",
                    StandardCharsets.US_ASCII);
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(KeyPair signer, String username, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://digitalid.example.go.th")
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", username)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void a_token_signed_by_the_identity_provider_identifies_the_directory_person() throws Exception {
        String token = token(PROVIDER, "dga.clerk", Instant.now().plusSeconds(300));

        MvcResult r = call(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(token)));

        assertStatus(r, 200);
        JsonNode me = body(r);
        assertThat(me.get("username").asText()).isEqualTo("dga.clerk");
        assertThat(me.get("agencyCode").asText()).isEqualTo("สพร");
        assertThat(me.get("roles").toString()).isEqualTo("[\"CLERK\"]");
    }

    @Test
    void a_bearer_caller_can_act_and_its_signature_assurance_is_recorded_as_oidc() throws Exception {
        // the roles come from the directory, not from the token: the officer drafts, the director signs
        String officer = bearer(token(PROVIDER, "dga.officer", Instant.now().plusSeconds(300)));
        String director = bearer(token(PROVIDER, "dga.director", Instant.now().plusSeconds(300)));
        MvcResult created = call(post("/api/letters").header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(externalLetter("ผ่าน Digital ID " + UUID.randomUUID()))));
        assertStatus(created, 201);
        String id = body(created).get("id").asText();
        byte[] submit = json.writeValueAsBytes(Map.of("approverId", id("dga.director")));
        assertStatus(call(post("/api/letters/" + id + "/submit").header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON).content(submit)), 200);
        assertStatus(call(post("/api/letters/" + id + "/approve").header(HttpHeaders.AUTHORIZATION, director)
                .contentType(MediaType.APPLICATION_JSON).content("{}")), 200);
        MvcResult signed = call(post("/api/letters/" + id + "/sign").header(HttpHeaders.AUTHORIZATION, director)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertStatus(signed, 200);
        assertThat(body(signed).get("signatures").get(0).get("assurance").asText()).startsWith("OIDC");
    }

    @Test
    void a_token_signed_by_another_key_is_refused_with_401() throws Exception {
        String forged = token(IMPOSTOR, "dga.clerk", Instant.now().plusSeconds(300));

        MvcResult r = call(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(forged)));

        problem(r, 401, "UNAUTHENTICATED");
        assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("dga.clerk");
    }

    @Test
    void an_expired_or_garbled_token_is_refused_with_401_and_stores_nothing() throws Exception {
        long before = storedEvents();
        String expired = token(PROVIDER, "dga.officer", Instant.now().minusSeconds(3600));
        problem(call(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(expired))), 401, "UNAUTHENTICATED");
        problem(call(post("/api/letters").header(HttpHeaders.AUTHORIZATION, bearer(expired))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(externalLetter("หมดอายุ")))), 401, "UNAUTHENTICATED");
        problem(call(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer("not.a.jwt"))), 401, "UNAUTHENTICATED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_valid_token_for_someone_not_in_the_directory_is_refused() throws Exception {
        String stranger = token(PROVIDER, "nobody.at.all", Instant.now().plusSeconds(300));
        problem(call(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(stranger))), 403, "NOT_IN_DIRECTORY");
    }

    @Test
    void http_basic_still_works_next_to_bearer_tokens() throws Exception {
        assertThat(getJson("dga.clerk", "/api/me", 200).get("username").asText()).isEqualTo("dga.clerk");
    }
}
