package org.saraban.web.integrity;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.TimestampSource;
import org.saraban.web.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checkpoints of the event log's hash chain, signed every {@code saraban.integrity.checkpoint-every} (1 min). */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfig {

    private static final Logger log = LoggerFactory.getLogger(IntegrityConfig.class);

    @Bean
    IntegrityCheckpoints integrityCheckpoints(StorageConfig.Store store, PersonalSigners keys, TimestampSource tsa,
                                              Clock clock) {
        return new IntegrityCheckpoints(store.database(), keys, tsa, clock);
    }

    @Bean
    ArchiveBundles archiveBundles(StorageConfig.Store store, IntegrityCheckpoints checkpoints,
                                  org.saraban.command.store.BlobStore blobs) {
        return new ArchiveBundles(store.database(), checkpoints, blobs);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService integrityCheckpointer(IntegrityCheckpoints checkpoints,
                                                   @Value("${saraban.integrity.checkpoint-every:PT1M}") Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "integrity-checkpoints");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                checkpoints.checkpoint();
            } catch (RuntimeException e) {
                log.warn("integrity checkpoint failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }
}
