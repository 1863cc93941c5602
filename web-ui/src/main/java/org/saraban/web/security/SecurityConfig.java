package org.saraban.web.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.saraban.query.directory.Directory;
import org.saraban.web.support.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Local accounts over HTTP Basic or a session (the embedded default); an OIDC bearer JWT when
 * {@code spring.security.oauth2.resourceserver.jwt.*} is configured (production, Digital ID).
 * Who may do what with a letter is decided by the aggregates and the read-side access rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
public class SecurityConfig {

    /**
     * A request the firewall refuses before any handler (a path with "..", an encoded slash, a control character in
     * a header): 400 with a problem document, not the container's 500.
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> Problems.write(response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "the request's path, a header or a parameter holds characters that are not allowed");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Directory directory) {
        return username -> {
            Directory.Account account = directory.account(username)
                    .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
            List<GrantedAuthority> roles = directory.person(account.personId())
                    .map(p -> p.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList())
                    .orElse(List.of());
            return User.withUsername(account.username()).password(account.passwordHash())
                    .disabled(!account.enabled()).authorities(roles).build();
        };
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, Directory directory,
                            OidcProperties oidc) throws Exception {
        RequestMatcher hasAuthorizationHeader = (HttpServletRequest r) -> r.getHeader("Authorization") != null;
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/api/verify", "/api/login", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        // the STOMP handshake: the WebSocket session's user is the handshake's (DESIGN.md §7)
                        .requestMatchers("/ws", "/ws/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(b -> b
                        // keep the login in the session, so a client that returns the cookie is not
                        // re-checked against the password hash (~70 ms of BCrypt) on every request
                        .securityContextRepository(new HttpSessionSecurityContextRepository())
                        .authenticationEntryPoint((req, res, ex) -> unauthenticated(res, ex, "login required")))
                .formLogin(f -> f.loginProcessingUrl("/api/login")
                        .successHandler((req, res, auth) -> res.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler((req, res, ex) -> {
                            if (org.saraban.web.support.ProblemHandler.storeUnreachable(ex)) {
                                unauthenticated(res, ex, null);
                            } else {
                                Problems.write(res, HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "wrong username or password");
                            }
                        }))
                .logout(l -> l.logoutUrl("/api/logout")
                        .logoutSuccessHandler((req, res, auth) -> res.setStatus(HttpStatus.NO_CONTENT.value())))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthenticated(res, ex, "login required"))
                        .accessDeniedHandler((req, res, ex) -> {
                            // the CSRF check runs before authentication: a caller with neither credentials nor a
                            // session is unauthenticated (401), not forbidden (API.md "Errors")
                            if (ex instanceof CsrfException && anonymous()) {
                                Problems.write(res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "login required");
                            } else {
                                Problems.write(res, HttpStatus.FORBIDDEN, "FORBIDDEN", "not allowed");
                            }
                        }))
                // a session cookie needs the CSRF token; a request that carries its own credentials does not
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(hasAuthorizationHeader)
                        .ignoringRequestMatchers("/api/login", "/api/verify", "/pki/ocsp", "/pki/tsa"))
                // the token is written lazily; a browser needs its cookie before its first POST
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtAuthenticationConverter(jwt -> jwtAuthentication(jwt, directory, oidc)))
                    .authenticationEntryPoint((req, res, ex) ->
                            Problems.write(res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "invalid or missing token")));
        }
        return http.build();
    }

    /**
     * A failed authentication: 401, unless the directory could not be read because the database is away, which is
     * 503 (the caller's credentials may be right; try again).
     */
    private static void unauthenticated(jakarta.servlet.http.HttpServletResponse res, Exception ex, String detail)
            throws java.io.IOException {
        if (org.saraban.web.support.ProblemHandler.storeUnreachable(ex)) {
            Problems.writeStoreUnavailable(res);
        } else {
            Problems.write(res, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", detail);
        }
    }

    /** Loads the deferred CSRF token on every request, so the XSRF-TOKEN cookie is set for the browser UI. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

    /** The token's username claim names the person in the directory; roles come from the directory. */
    static AbstractAuthenticationToken jwtAuthentication(Jwt jwt, Directory directory, OidcProperties oidc) {
        String username = jwt.getClaimAsString(oidc.usernameClaim());
        List<GrantedAuthority> roles = directory.personByUsername(username)
                .map(p -> p.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .orElse(List.of());
        return new JwtAuthenticationToken(jwt, roles, username);
    }
}
