package org.saraban.query.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.saraban.command.store.EmbeddedMongo;

/**
 * The in-process MongoDB wire server the application embeds, reached through the real driver: one
 * server per test class ({@code @RegisterExtension static}), a fresh database per test, dropped after it.
 */
public final class EmbeddedMongoServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private EmbeddedMongo server;
    private MongoClient client;
    private String owner;
    private final List<MongoDatabase> databases = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        // nested test classes see the enclosing class's extension again: start once, stop with the owner
        if (server == null) {
            server = EmbeddedMongo.inMemory();
            client = MongoClients.create(server.connectionString());
            owner = context.getUniqueId();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        databases.forEach(MongoDatabase::drop);
        databases.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            client.close();
            server.close();
            server = null;
        }
    }

    public MongoClient client() {
        return client;
    }

    /** An empty database of its own, dropped after the test. */
    public MongoDatabase newDatabase() {
        MongoDatabase db = client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
        databases.add(db);
        return db;
    }
}
