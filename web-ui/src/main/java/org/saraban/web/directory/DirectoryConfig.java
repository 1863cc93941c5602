package org.saraban.web.directory;

import org.saraban.query.directory.Directory;
import org.saraban.web.config.StorageConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DirectoryConfig {

    @Bean
    Directory directory(StorageConfig.Store store) {
        Directory directory = new Directory(store.database());
        directory.ensureIndexes();
        return directory;
    }
}
