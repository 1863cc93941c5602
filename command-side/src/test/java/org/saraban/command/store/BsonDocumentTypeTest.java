package org.saraban.command.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps documents as BSON in its file, and still reads the files it wrote before. */
class BsonDocumentTypeTest {

    @TempDir
    Path dataDir;

    /** A letter-like document with every BSON type the driver sends for Saraban's documents, and some more. */
    static Document sample(long id) {
        return new Document("_id", id)
                .append("number", "สพร ๐๑/" + id)
                .append("subject", "ขอเชิญประชุมคณะกรรมการ ครั้งที่ " + id + "/๒๕๖๙")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", -0.5)
                .append("decimal", Decimal128.parse("12345.6789"))
                .append("flag", true)
                .append("at", new Date(1_763_800_000_000L + id))
                .append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("none", null)
                .append("ts", new BsonTimestamp(1_700_000_000, 3))
                .append("min", new MinKey())
                .append("max", new MaxKey())
                .append("author", new Document("id", "p-1").append("name", "นางสาวสมใจ ใจดี"))
                .append("history", List.of(new Document("action", "ร่าง").append("seq", 0L),
                        new Document("action", "เสนอ").append("seq", 1L)))
                .append("mixed", Arrays.asList(1, "สอง", 3.0, null, List.of("ซ้อน")));
    }

    @Test
    @Timeout(60)
    void a_document_comes_back_from_the_file_as_it_went_in() {
        List<Document> written = IntStream.rangeClosed(1, 200).mapToObj(BsonDocumentTypeTest::sample).toList();
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("saraban").getCollection("letters").insertMany(written);
            server.awaitDurable();
        }
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");
            List<Document> read = letters.find().sort(new Document("_id", 1)).into(new ArrayList<>());
            assertThat(read).isEqualTo(written);
            // field order is kept too (Document equality ignores it)
            assertThat(new ArrayList<>(read.get(0).keySet())).isEqualTo(new ArrayList<>(written.get(0).keySet()));
            assertThat(letters.find(eq("author.name", "นางสาวสมใจ ใจดี")).into(new ArrayList<>())).hasSize(200);
        }
        assertThat(storedFormats()).containsOnlyKeys("bson");
    }

    @Test
    @Timeout(60)
    void a_file_written_with_java_serialization_is_read_and_each_document_is_rewritten_as_bson_when_it_changes() {
        // the file as earlier versions wrote it: H2's backend with its default value type
        MVStore old = new MVStore.Builder().fileName(dataDir.resolve("saraban.mv").toString()).autoCommitDisabled().open();
        MongoServer oldServer = new MongoServer(new H2Backend(old));
        List<Document> written = IntStream.rangeClosed(1, 50).mapToObj(BsonDocumentTypeTest::sample).toList();
        try (MongoClient client = MongoClients.create("mongodb://" + oldServer.bind().getHostString() + ":"
                + oldServer.getLocalAddress().getPort())) {
            client.getDatabase("saraban").getCollection("letters").insertMany(written);
        }
        old.commit();
        oldServer.shutdownNow();
        assertThat(storedFormats()).containsOnlyKeys("java");

        Document changed = sample(7).append("subject", "แก้ไขแล้ว");
        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");
            assertThat(letters.find().sort(new Document("_id", 1)).into(new ArrayList<>())).isEqualTo(written);
            letters.replaceOne(eq("_id", 7L), changed);
            letters.insertOne(sample(51));
            server.awaitDurable();
        }
        assertThat(storedFormats()).containsKeys("java", "bson");

        try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");
            List<Document> expected = new ArrayList<>(written);
            expected.set(6, changed);
            expected.add(sample(51));
            assertThat(letters.find().sort(new Document("_id", 1)).into(new ArrayList<>())).isEqualTo(expected);
        }
    }

    @Test
    @Timeout(60)
    void the_unique_indexes_of_a_stock_file_are_built_again_and_still_refuse_duplicates() {
        MVStore old = new MVStore.Builder().fileName(dataDir.resolve("saraban.mv").toString()).autoCommitDisabled().open();
        MongoServer oldServer = new MongoServer(new H2Backend(old));
        try (MongoClient client = MongoClients.create("mongodb://" + oldServer.bind().getHostString() + ":"
                + oldServer.getLocalAddress().getPort())) {
            MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");
            letters.createIndex(com.mongodb.client.model.Indexes.ascending("number", "author.id"),
                    new com.mongodb.client.model.IndexOptions().unique(true).name("number_author"));
            letters.insertMany(IntStream.rangeClosed(1, 50).mapToObj(BsonDocumentTypeTest::sample).toList());
        }
        old.commit();
        oldServer.shutdownNow();
        assertThat(indexMaps()).contains("saraban.letters._index__id_", "saraban.letters._index_number_author")
                .noneMatch(name -> name.endsWith(BsonH2Backend.UNIQUE_KEYS));

        for (int start = 0; start < 2; start++) { // the first start builds the indexes, the second finds them
            long began = System.nanoTime();
            try (EmbeddedMongo server = EmbeddedMongo.onDisk(dataDir, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> letters = client.getDatabase("saraban").getCollection("letters");
                assertThat(letters.find(eq("_id", 7L)).first()).isEqualTo(sample(7));
                assertThat(letters.find(com.mongodb.client.model.Filters.and(eq("number", "สพร ๐๑/9"),
                        eq("author.id", "p-1"))).first()).isEqualTo(sample(9));
                assertThatThrownBy(() -> letters.insertOne(sample(12))).isInstanceOf(MongoWriteException.class);
                assertThatThrownBy(() -> letters.insertOne(sample(99).append("number", "สพร ๐๑/12")))
                        .isInstanceOf(MongoWriteException.class);
                for (int i = 0; i < 30; i++) { // many commits, then the compaction at close
                    letters.insertOne(sample(1000 * (start + 1) + i));
                    server.awaitDurable();
                }
                assertThat(letters.countDocuments()).isEqualTo(50 + 30 * (start + 1));
            }
            // the compaction at start and at close ends in well under its one-minute bound
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - began)).isLessThan(java.time.Duration.ofSeconds(20));
            assertThat(indexMaps()).containsOnly("saraban.letters._index__id_" + BsonH2Backend.UNIQUE_KEYS,
                    "saraban.letters._index_number_author" + BsonH2Backend.UNIQUE_KEYS);
        }
    }

    @Test
    void index_keys_are_equal_exactly_when_their_values_are_of_one_class_and_equal_and_survive_the_file() {
        List<OrderedKey> keys = java.util.stream.Stream.of(
                new de.bwaldvogel.mongo.backend.KeyValue("สพร ๐๑/1", 1.0),
                new de.bwaldvogel.mongo.backend.KeyValue("สพร ๐๑/1", 2.0),
                new de.bwaldvogel.mongo.backend.KeyValue("สพร ๐๑/2", 1.0),
                new de.bwaldvogel.mongo.backend.KeyValue("สพร ๐๑/1", 1L << 60),
                new de.bwaldvogel.mongo.backend.KeyValue("สพร ๐๑/1", null),
                new de.bwaldvogel.mongo.backend.KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1.0).append("b", "x")),
                new de.bwaldvogel.mongo.backend.KeyValue(new de.bwaldvogel.mongo.bson.Document("b", "x").append("a", 1.0)),
                new de.bwaldvogel.mongo.backend.KeyValue(new ArrayList<>(List.of(1.0, "สอง"))),
                new de.bwaldvogel.mongo.backend.KeyValue(new de.bwaldvogel.mongo.bson.ObjectId("65a1b2c3d4e5f60718293a4b")),
                new de.bwaldvogel.mongo.backend.KeyValue(java.time.Instant.ofEpochMilli(1_763_800_000_000L)),
                new de.bwaldvogel.mongo.backend.KeyValue(true),
                new de.bwaldvogel.mongo.backend.KeyValue(-0.0),
                new de.bwaldvogel.mongo.backend.KeyValue(0.0)).map(OrderedKey::new).toList();
        ObjectDataType type = new ObjectDataType(); // how the index's map stores and compares them
        WriteBuffer buffer = new WriteBuffer();
        keys.forEach(k -> type.write(buffer, k));
        ByteBuffer bytes = buffer.getBuffer().flip();
        for (OrderedKey k : keys) {
            Object read = type.read(bytes);
            assertThat(read).isEqualTo(k);
            assertThat(type.compare(read, k)).isZero();
        }
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                int c = type.compare(keys.get(i), keys.get(j));
                assertThat(c == 0).as(keys.get(i) + " vs " + keys.get(j)).isEqualTo(i == j);
                assertThat(Integer.signum(c)).isEqualTo(-Integer.signum(type.compare(keys.get(j), keys.get(i))));
            }
        }
    }

    /** The names of the letters' index maps in the file. */
    private List<String> indexMaps() {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("saraban.mv").toString()).readOnly().open();
        try {
            return store.getMapNames().stream().filter(n -> n.startsWith("saraban.letters._index_")).sorted().toList();
        } finally {
            store.close();
        }
    }

    @Test
    void the_type_writes_its_own_tag_and_reads_both_formats() {
        de.bwaldvogel.mongo.bson.Document doc = new de.bwaldvogel.mongo.bson.Document("_id", 1L)
                .append("subject", "ทดสอบ").append("list", new ArrayList<>(List.of(1, 2)));
        BsonDocumentType type = new BsonDocumentType();
        WriteBuffer bson = new WriteBuffer();
        type.write(bson, doc);
        type.write(bson, doc);
        ByteBuffer bytes = bson.getBuffer().flip();
        assertThat(bytes.get(0)).isEqualTo(BsonDocumentType.TAG);
        assertThat(type.read(bytes)).isEqualTo(doc);
        assertThat(type.read(bytes)).isEqualTo(doc); // the position moved past the first exactly
        assertThat(bytes.hasRemaining()).isFalse();

        WriteBuffer java = new WriteBuffer();
        new ObjectDataType().write(java, doc);
        assertThat(type.read(java.getBuffer().flip())).isEqualTo(doc);
    }

    /** How many documents of the letters' collection are stored in each format: "bson" or "java". */
    private Map<String, Long> storedFormats() {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("saraban.mv").toString()).readOnly().open();
        try {
            MVMap<Object, byte[]> raw = store.openMap("databases.saraban.letters",
                    new MVMap.Builder<Object, byte[]>().valueType(new FirstByte()));
            Map<String, Long> formats = new java.util.TreeMap<>();
            raw.values().forEach(b -> formats.merge(b[0] == BsonDocumentType.TAG ? "bson" : "java", 1L, Long::sum));
            return formats;
        } finally {
            store.close();
        }
    }

    /** Reads a stored value's first byte and skips the rest, whichever format it has. */
    private static final class FirstByte extends org.h2.mvstore.type.BasicDataType<byte[]> {
        private final BsonDocumentType documents = new BsonDocumentType();

        @Override
        public int getMemory(byte[] obj) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buff, byte[] obj) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public byte[] read(ByteBuffer buff) {
            byte first = buff.get(buff.position());
            documents.read(buff);
            return new byte[] {first};
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
