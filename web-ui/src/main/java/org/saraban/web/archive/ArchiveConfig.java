package org.saraban.web.archive;

import org.saraban.command.store.BlobStore;
import org.saraban.query.archive.DestructionListProjection;
import org.saraban.query.archive.DestructionLists;
import org.saraban.web.config.StorageConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Records: destruction lists, their read model, and the processor that destroys the listed content. */
@Configuration(proxyBeanMethods = false)
public class ArchiveConfig {

    @Bean
    DestructionListProjection destructionListProjection(StorageConfig.Store store) {
        return new DestructionListProjection(store.database());
    }

    @Bean
    DestructionLists destructionLists(StorageConfig.Store store) {
        return new DestructionLists(store.database());
    }

    @Bean
    LetterAsOf letterAsOf(StorageConfig.Store store, org.saraban.command.store.MongoEventStorageEngine engine) {
        return new LetterAsOf(store, engine);
    }

    @Bean
    ContentDestroyer contentDestroyer(DestructionLists lists, BlobStore blobs) {
        return new ContentDestroyer(lists, blobs);
    }
}
