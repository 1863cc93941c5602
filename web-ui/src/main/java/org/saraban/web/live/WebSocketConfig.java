package org.saraban.web.live;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over a plain WebSocket at {@code /ws} (no SockJS), with Spring's in-memory broker (DESIGN.md §7).
 * The handshake is an authenticated HTTP request (session cookie, Basic or bearer: SecurityConfig), and
 * the WebSocket session's user is the handshake's. Clients subscribe only where a {@link SubscriptionRule}
 * lets them ({@link SubscriptionGuard}); for now that is {@code /user/queue/letters}.
 * <p>
 * Browsers must connect from the app's own origin (Spring's default check against cross-site WebSocket
 * hijacking); {@code saraban.websocket.allowed-origin-patterns} (comma-separated) admits others, e.g. a
 * development server on another port.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    public static final String ENDPOINT = "/ws";
    public static final String APPLICATION_PREFIX = "/app";
    public static final String USER_PREFIX = "/user";
    /** What a client sends as SUBSCRIBE to receive its letter notices. */
    public static final String LETTERS_SUBSCRIPTION = USER_PREFIX + LiveLetterPush.USER_DESTINATION;

    private final SubscriptionGuard guard;
    private final String[] allowedOriginPatterns;
    private final TaskScheduler heartbeats;

    WebSocketConfig(SubscriptionGuard guard,
                    @Value("${saraban.websocket.allowed-origin-patterns:}") String[] allowedOriginPatterns,
                    @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats) {
        this.guard = guard;
        this.allowedOriginPatterns = allowedOriginPatterns;
        this.heartbeats = heartbeats;
    }

    /** A signed-in user may follow the letters they may see (each notice is checked when it is sent). */
    @Bean // static, as the guard's: the configuration itself is built with the guard
    static SubscriptionRule lettersSubscription() {
        return (user, destination) -> LETTERS_SUBSCRIPTION.equals(destination);
    }

    @Bean
    static SubscriptionGuard subscriptionGuard(List<SubscriptionRule> rules) {
        return new SubscriptionGuard(rules);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        var endpoint = registry.addEndpoint(ENDPOINT);
        if (allowedOriginPatterns.length > 0) {
            endpoint.setAllowedOriginPatterns(allowedOriginPatterns);
        }
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue", "/topic")
                .setTaskScheduler(heartbeats)
                .setHeartbeatValue(new long[] {10_000, 10_000});
        registry.setApplicationDestinationPrefixes(APPLICATION_PREFIX);
        registry.setUserDestinationPrefix(USER_PREFIX);
        // notices reach each session in the order they were sent, so seq increases on the wire
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(guard);
    }
}
