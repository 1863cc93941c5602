package org.saraban.web.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.saraban.command.store.MongoEventStorageEngine;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, and health: MongoDB reachable, every event processor running and how far behind it is. */
@Configuration(proxyBeanMethods = false)
public class OperationsConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HealthIndicator mongo(StorageConfig.Store store) {
        return () -> {
            try {
                store.database().runCommand(new Document("ping", 1));
                return Health.up().withDetail("embedded", store.embedded() != null)
                        .withDetail("database", store.database().getName()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    Claims claims(StorageConfig.Store store, Serializer serializer) {
        return new Claims(store.database(), serializer);
    }

    /**
     * Per processor: running, in error, position and lag. A processor whose claim another node holds (ADR 0014)
     * shows that node as {@code owner} and the position of its stored token, so any node tells the whole picture.
     */
    @Bean
    HealthIndicator eventProcessors(EventProcessingConfiguration processing, MongoEventStorageEngine engine,
                                    TokenStore sharedTokens, Claims claims, ClusterProperties cluster) {
        return () -> {
            long head = engine.headPosition();
            Health.Builder health = Health.up().withDetail("headPosition", head);
            Map<String, Object> processors = new LinkedHashMap<>();
            boolean allRunning = true;
            for (var entry : processing.eventProcessors().entrySet()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                if (entry.getValue() instanceof TrackingEventProcessor tep) {
                    detail.put("running", tep.isRunning());
                    detail.put("error", tep.isError());
                    Map<Integer, EventTrackerStatus> status = tep.processingStatus();
                    long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                            .mapToLong(p -> p.orElse(0L)).min().orElse(0L);
                    if (processing.tokenStore(entry.getKey()) == sharedTokens) {
                        if (!status.isEmpty()) {
                            detail.put("owner", cluster.nodeId());
                        } else {
                            Optional<Claims.Claim> claim = claims.of(entry.getKey());
                            claim.map(Claims.Claim::owner).ifPresent(owner -> detail.put("owner", owner));
                            position = claim.flatMap(c -> c.position().isPresent()
                                    ? Optional.of(c.position().getAsLong()) : Optional.empty()).orElse(0L);
                        }
                    }
                    detail.put("position", position);
                    detail.put("lag", Math.max(0, head - position));
                    allRunning &= tep.isRunning() && !tep.isError();
                } else {
                    detail.put("running", entry.getValue().isRunning());
                    allRunning &= entry.getValue().isRunning();
                }
                processors.put(entry.getKey(), detail);
            }
            health.withDetail("processors", processors);
            return allRunning ? health.build() : health.down().build();
        };
    }
}
