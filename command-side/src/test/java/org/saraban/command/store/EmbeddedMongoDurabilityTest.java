package org.saraban.command.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server on disk keeps what was made durable across a restart. (That it also survives a
 * hard kill is shown by the crash test in web-ui, which needs a separate process.)
 */
class EmbeddedMongoDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void documents_made_durable_are_there_after_a_restart() {
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.durable()).isTrue();
            MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");
            letters.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
            letters.insertMany(IntStream.rangeClosed(1, 50)
                    .mapToObj(i -> new Document("_id", (long) i).append("number", "สพร ๐๑/" + i)
                            .append("subject", "เรื่องที่ " + i))
                    .toList());
            letters.updateOne(eq("_id", 7L), new Document("$set", new Document("subject", "แก้ไขแล้ว")));
            letters.deleteOne(eq("_id", 50L));

            server.awaitDurable();
        }
        assertThat(Files.exists(dataDir.resolve("saraban.mv"))).isTrue();

        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");

            assertThat(letters.countDocuments()).isEqualTo(49);
            Document seventh = letters.find(eq("_id", 7L)).first();
            assertThat(seventh).isNotNull();
            assertThat(seventh.getString("subject")).isEqualTo("แก้ไขแล้ว");
            assertThat(letters.find(eq("_id", 50L)).first()).isNull();
            assertThat(letters.find(eq("number", "สพร ๐๑/49")).first()).isNotNull();
            // the unique index came back too
            assertThatThrownBy(() -> letters.insertOne(new Document("_id", 99L).append("number", "สพร ๐๑/1")))
                    .isInstanceOf(MongoWriteException.class);
        }
    }

    @Test
    @Timeout(60)
    void documents_made_durable_are_in_the_file_while_the_server_still_runs(@TempDir Path copyDir)
            throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("saraban").getCollection("events");
            for (long i = 1; i <= 200; i++) {
                events.insertOne(new Document("_id", i).append("payload", "เหตุการณ์ " + i));
            }
            server.awaitDurable();
            // the file as a crash would leave it now: no close, no final store
            Files.copy(dataDir.resolve("saraban.mv"), copyDir.resolve("saraban.mv"));

            try (EmbeddedMongo copy = EmbeddedMongo.onDisk(copyDir, "127.0.0.1", 0);
                 MongoClient copyClient = MongoClients.create(copy.connectionString())) {
                MongoCollection<Document> copied = copyClient.getDatabase("saraban").getCollection("events");
                assertThat(copied.countDocuments()).isEqualTo(200);
                assertThat(copied.find(eq("_id", 200L)).first()).isNotNull();
            }
        }
    }

    @Test
    @Timeout(60)
    void awaiting_durability_returns_once_a_commit_has_run_and_writes_go_on_afterwards() {
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("saraban").getCollection("events");
            List<Long> waits = new ArrayList<>();
            for (long i = 1; i <= 20; i++) {
                events.insertOne(new Document("_id", i));
                long start = System.nanoTime();
                server.awaitDurable();
                waits.add(System.nanoTime() - start);
            }
            assertThat(events.countDocuments()).isEqualTo(20);
            // a group commit is requested, not waited for on the idle timer
            assertThat(waits).allSatisfy(w -> assertThat(Duration.ofNanos(w)).isLessThan(Duration.ofSeconds(5)));
        }
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("saraban").getCollection("events").countDocuments()).isEqualTo(20);
        }
    }

    @Test
    void the_in_memory_server_is_not_durable_and_does_not_wait() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.durable()).isFalse();
            assertThat(server.port()).isPositive();
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", 1));
            server.awaitDurable();
            assertThat(client.getDatabase("t").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }
}
