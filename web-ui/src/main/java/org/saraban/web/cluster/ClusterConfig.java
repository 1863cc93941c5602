package org.saraban.web.cluster;

import java.time.Clock;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.saraban.web.config.ClusterProperties;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several nodes on one MongoDB (ADR 0014): the processors are split among them by {@link ProcessorBalancer}.
 * Only against a URI: the embedded store belongs to the one process that started it.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfig {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfig.class);

    @Bean
    SmartLifecycle processorBalancer(SarabanProperties props, ClusterProperties cluster,
                                     EventProcessingConfiguration processing, TokenStore tokenStore,
                                     StorageConfig.Store store, Clock clock) {
        if (props.embeddedMode() || !cluster.balance()) {
            return new Idle();
        }
        log.info("node {}: sharing the tracking processors with the other nodes on this database", cluster.nodeId());
        return new ProcessorBalancer(cluster, processing, tokenStore, store.database(), clock);
    }

    /** Nothing to balance: the embedded store, or balancing switched off. */
    private static final class Idle implements SmartLifecycle {

        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
