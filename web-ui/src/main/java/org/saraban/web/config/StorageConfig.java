package org.saraban.web.config;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.saraban.command.store.BlobStore;
import org.saraban.command.store.Durability;
import org.saraban.command.store.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MongoDB: the embedded default, or a real deployment named by {@code SARABAN_MONGODB_URI} (DESIGN.md §2). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SarabanProperties.class, ClusterProperties.class})
public class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    /** The running store: the embedded server (when there is no URI) and the client connected to it. */
    public record Store(MongoClient client, MongoDatabase database, EmbeddedMongo embedded, boolean transactions)
            implements AutoCloseable {

        public Durability durability() {
            return embedded != null ? embedded : Durability.WRITE_CONCERN;
        }

        @Override
        public void close() {
            client.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Store store(SarabanProperties props) {
        SarabanProperties.Embedded e = props.embedded();
        EmbeddedMongo embedded = null;
        String uri = props.mongodb().uri();
        if (uri == null) {
            embedded = e.inMemory() ? EmbeddedMongo.inMemory() : EmbeddedMongo.onDisk(e.dataDir(), e.host(), e.port());
            uri = embedded.connectionString();
            log.info("no SARABAN_MONGODB_URI: using the embedded store at {} ({})", uri,
                    e.inMemory() ? "in memory" : e.dataDir().toAbsolutePath());
        }
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS));
        if (embedded == null) {
            // an acknowledged command must survive a primary failover (DESIGN.md §2)
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true)).readConcern(ReadConcern.MAJORITY);
        }
        MongoClient client = MongoClients.create(settings.build());
        MongoDatabase db = client.getDatabase(props.mongodb().database());
        boolean transactions = embedded == null && supportsTransactions(client, props);
        return new Store(client, db, embedded, transactions);
    }

    private static boolean supportsTransactions(MongoClient client, SarabanProperties props) {
        if (props.mongodb().transactions() != null) {
            return props.mongodb().transactions();
        }
        Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
        return hello.containsKey("setName") || "isdbgrid".equals(hello.getString("msg"));
    }

    @Bean
    BlobStore blobStore(Store store) {
        return new BlobStore(store.database());
    }
}
