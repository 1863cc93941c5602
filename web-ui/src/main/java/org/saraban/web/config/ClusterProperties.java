package org.saraban.web.config;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node takes part when several share one MongoDB (ADR 0014). {@code nodeId} names the node in the
 * token store's claims and in the {@code nodes} collection (default: {@code pid@host}, Axon's own default);
 * {@code claimTimeout} is how long a claim or a heartbeat counts without being renewed (Axon's Mongo token store
 * default, 10 s); {@code heartbeat} is how often the node says it is alive and rebalances; {@code balance} off
 * leaves the processors with whichever node claims them first.
 */
@ConfigurationProperties(prefix = "saraban.cluster")
public record ClusterProperties(String nodeId, Duration claimTimeout, Duration heartbeat, Boolean balance) {

    public ClusterProperties {
        nodeId = nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(3) : heartbeat;
        balance = balance == null || balance;
        if (heartbeat.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("saraban.cluster.heartbeat (" + heartbeat
                    + ") must be shorter than saraban.cluster.claim-timeout (" + claimTimeout + ")");
        }
    }
}
