package org.saraban.web.integrity;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.TimestampSource;
import org.saraban.web.config.StorageConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checkpoints of the event log's hash chain, signed every {@code saraban.integrity.checkpoint-every} (1 min). */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfig {

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
        return org.saraban.web.support.Periodic.every("integrity-checkpoints", every, checkpoints::checkpoint);
    }
}
