package org.saraban.web.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
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
    HealthIndicator eventProcessors(EventProcessingConfiguration processing, MongoEventStorageEngine engine) {
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
                    long position = tep.processingStatus().values().stream()
                            .map(EventTrackerStatus::getCurrentPosition)
                            .mapToLong(p -> p.orElse(0L)).min().orElse(0L);
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
