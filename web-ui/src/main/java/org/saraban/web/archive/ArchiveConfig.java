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
    org.saraban.query.archive.TransferListProjection transferListProjection(StorageConfig.Store store) {
        return new org.saraban.query.archive.TransferListProjection(store.database());
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
    Retimestamping retimestamping(StorageConfig.Store store, org.saraban.command.letter.LetterDocuments documents,
                                  org.saraban.web.support.CommandSender commands, java.time.Clock clock) {
        return new Retimestamping(store, documents, commands, clock);
    }

    /** Daily (saraban.archive.retimestamp-every), every filed letter whose timestamp expires within a year. */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService retimestampingSchedule(Retimestamping retimestamping,
            @org.springframework.beans.factory.annotation.Value("${saraban.archive.retimestamp-every:P1D}")
            java.time.Duration every,
            @org.springframework.beans.factory.annotation.Value("${saraban.archive.retimestamp-within:P365D}")
            java.time.Duration within) {
        return org.saraban.web.support.Periodic.every("archive-retimestamping", every,
                () -> retimestamping.run(null, within, Retimestamping.SCHEDULER));
    }

    @Bean
    org.saraban.query.archive.LoanProjection loanProjection(StorageConfig.Store store) {
        return new org.saraban.query.archive.LoanProjection(store.database());
    }

    @Bean
    org.saraban.query.archive.Loans loans(StorageConfig.Store store) {
        return new org.saraban.query.archive.Loans(store.database());
    }

    @Bean
    LoanAlerts loanAlerts(org.saraban.query.archive.Loans loans, org.saraban.web.support.CommandSender commands,
                          java.time.Clock clock) {
        return new LoanAlerts(loans, commands, clock);
    }

    /** Hourly (saraban.archive.loan-check-every), the overdue alerts of loans. */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService loanAlertSchedule(LoanAlerts alerts,
            @org.springframework.beans.factory.annotation.Value("${saraban.archive.loan-check-every:PT1H}")
            java.time.Duration every) {
        return org.saraban.web.support.Periodic.every("archive-loan-alerts", every, alerts::run);
    }

    @Bean
    org.saraban.query.archive.FilePlanProjection filePlanProjection(StorageConfig.Store store) {
        return new org.saraban.query.archive.FilePlanProjection(store.database());
    }

    @Bean
    org.saraban.query.archive.Records records(StorageConfig.Store store) {
        return new org.saraban.query.archive.Records(store.database());
    }

    @Bean
    org.saraban.query.privacy.PdpaProjection pdpaProjection(StorageConfig.Store store) {
        return new org.saraban.query.privacy.PdpaProjection(store.database());
    }

    @Bean
    ContentDestroyer contentDestroyer(DestructionLists lists, BlobStore blobs) {
        return new ContentDestroyer(lists, blobs);
    }
}
