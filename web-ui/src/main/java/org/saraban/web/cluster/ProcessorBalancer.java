package org.saraban.web.cluster;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.saraban.web.config.ClusterProperties;
import org.saraban.web.support.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Splits the tracking processors among the nodes that share one MongoDB (ADR 0014). Each processor has one
 * segment (projections rely on the global order across aggregates), so the unit of work to split is a whole
 * processor: the one node holding its claim in the token store runs it.
 * <p>
 * Every {@code heartbeat} the node records itself in {@code nodes} ({@code _id} = its token-store node id,
 * {@code seenAt}, the processors it runs) and counts the live nodes: those seen within the claim timeout. If it
 * runs more than its fair share, ceil(processors / live nodes), it releases the excess with
 * {@link TrackingEventProcessor#releaseSegment(int, long, TimeUnit)}: its worker stores the token and gives up
 * the claim after the batch in hand, and the processor's launcher leaves the segment alone for
 * {@link #RELEASE_FOR}, long enough for another node's launcher (which looks for unclaimed segments every 5 s)
 * to claim it. If none does, this node claims it back when the time is up. A node that dies stops renewing its
 * claims and its heartbeat; after the claim timeout the others' launchers take its processors, and the count of
 * live nodes falls with it. The timestamps are the nodes' clocks, as are the token store's claims: their clocks
 * must agree to well within the claim timeout (NTP).
 * <p>
 * A node heartbeats only while its processors are running, so a node that cannot take work is not counted as
 * one that can. Live push processors keep their tokens in memory and run on every node; they are not counted.
 */
public class ProcessorBalancer implements SmartLifecycle {

    static final String NODES = "nodes";
    /** How long a released processor is left for another node: three of Axon's 5 s claim rounds. */
    static final Duration RELEASE_FOR = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(ProcessorBalancer.class);

    private final ClusterProperties cluster;
    private final EventProcessingConfiguration processing;
    private final TokenStore sharedTokens;
    private final MongoCollection<Document> nodes;
    private final Clock clock;
    /** Processor name → when this node may claim it again, for the ones it released. */
    private final Map<String, Instant> released = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    public ProcessorBalancer(ClusterProperties cluster, EventProcessingConfiguration processing,
                             TokenStore sharedTokens, MongoDatabase database, Clock clock) {
        this.cluster = cluster;
        this.processing = processing;
        this.sharedTokens = sharedTokens;
        this.nodes = database.getCollection(NODES);
        this.clock = clock;
    }

    /** The processors whose claims live in the shared token store, by name. */
    List<TrackingEventProcessor> sharedProcessors() {
        List<TrackingEventProcessor> shared = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof TrackingEventProcessor tep && processing.tokenStore(name) == sharedTokens) {
                shared.add(tep);
            }
        });
        shared.sort(Comparator.comparing(TrackingEventProcessor::getName));
        return shared;
    }

    /** The shared processors this node runs now (holds the claim of their one segment). */
    List<String> owned() {
        return sharedProcessors().stream().filter(p -> !p.processingStatus().isEmpty())
                .map(TrackingEventProcessor::getName).toList();
    }

    /** One round: say this node is alive, then give up what it runs beyond its share. */
    void run() {
        List<TrackingEventProcessor> shared = sharedProcessors();
        if (shared.isEmpty() || !shared.stream().allMatch(TrackingEventProcessor::isRunning)) {
            return;
        }
        Instant now = clock.instant();
        List<String> owned = owned();
        nodes.replaceOne(eq("_id", cluster.nodeId()), new Document("_id", cluster.nodeId())
                .append("seenAt", Date.from(now)).append("processors", owned), new ReplaceOptions().upsert(true));
        // a node silent for a minute of claim timeouts is gone; one that comes back records itself again
        nodes.deleteMany(lt("seenAt", Date.from(now.minus(cluster.claimTimeout().multipliedBy(6)))));
        long live = Math.max(1, nodes.countDocuments(gte("seenAt", Date.from(now.minus(cluster.claimTimeout())))));
        int share = (int) ((shared.size() + live - 1) / live);
        released.values().removeIf(until -> until.isBefore(now));
        List<String> keep = owned.stream().filter(name -> !released.containsKey(name)).toList();
        if (keep.size() <= share) {
            return;
        }
        List<String> excess = keep.subList(share, keep.size());
        for (TrackingEventProcessor p : shared) {
            if (excess.contains(p.getName())) {
                p.releaseSegment(0, RELEASE_FOR.toMillis(), TimeUnit.MILLISECONDS);
                released.put(p.getName(), now.plus(RELEASE_FOR));
            }
        }
        log.info("node {}: {} live nodes, {} processors, a share of {}; releasing {}", cluster.nodeId(), live,
                shared.size(), share, excess);
    }

    @Override
    public void start() {
        timer = Periodic.every("cluster-balancer", cluster.heartbeat(), this::run);
    }

    /** An orderly stop takes the node out at once, so the others need not wait for its heartbeat to age. */
    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
        try {
            nodes.deleteOne(eq("_id", cluster.nodeId()));
        } catch (RuntimeException e) {
            log.info("node {}: could not remove its heartbeat: {}", cluster.nodeId(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
