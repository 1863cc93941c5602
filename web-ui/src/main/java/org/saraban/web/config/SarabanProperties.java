package org.saraban.web.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Saraban's settings. With no {@code mongodb.uri} (env SARABAN_MONGODB_URI) the app runs on the
 * embedded store under {@code dataDir} and loads the demo directory on first start.
 */
@ConfigurationProperties(prefix = "saraban")
public record SarabanProperties(Mongodb mongodb, Embedded embedded, Boolean demo, Duration readYourWritesTimeout) {

    public SarabanProperties {
        mongodb = mongodb == null ? new Mongodb(null, null, null) : mongodb;
        embedded = embedded == null ? new Embedded(null, null, null, null) : embedded;
        readYourWritesTimeout = readYourWritesTimeout == null ? Duration.ofSeconds(5) : readYourWritesTimeout;
    }

    public record Mongodb(String uri, String database, Boolean transactions) {
        public Mongodb {
            uri = uri == null || uri.isBlank() ? null : uri;
            database = database == null || database.isBlank() ? "saraban" : database;
        }
    }

    /** The embedded server: files under {@code dataDir}, or all in memory (tests). */
    public record Embedded(Path dataDir, Boolean inMemory, String host, Integer port) {
        public Embedded {
            dataDir = dataDir == null ? Path.of("data") : dataDir;
            inMemory = inMemory != null && inMemory;
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 0 : port;
        }
    }

    public boolean embeddedMode() {
        return mongodb.uri() == null;
    }

    /** Demo accounts: on by default on the embedded store, off against a real MongoDB unless switched on. */
    public boolean demoEnabled() {
        return demo != null ? demo : embeddedMode();
    }
}
