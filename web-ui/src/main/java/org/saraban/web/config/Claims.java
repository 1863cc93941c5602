package org.saraban.web.config;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;
import java.util.OptionalLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The claims in Axon's Mongo token store ({@code trackingtokens}) as they are read without claiming: which node
 * runs a processor and how far its stored token has come. For health on a node that does not run the processor.
 */
public class Claims {

    /** Axon's Mongo token store's default collection. */
    public static final String TOKENS = "trackingtokens";

    /** The claim of a processor's segment 0: its owner (null when unclaimed) and its stored position. */
    public record Claim(String owner, OptionalLong position) {
    }

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    public Claims(MongoDatabase database, Serializer serializer) {
        this.tokens = database.getCollection(TOKENS);
        this.serializer = serializer;
    }

    public Optional<Claim> of(String processorName) {
        // one filter: a second .filter() would replace the first, and read any processor's segment 0
        Document d = tokens.find(and(eq("processorName", processorName), eq("segment", 0))).first();
        if (d == null) {
            return Optional.empty();
        }
        OptionalLong position = OptionalLong.empty();
        Binary token = d.get("token", Binary.class);
        if (token != null && d.getString("tokenType") != null) {
            TrackingToken t = serializer.deserialize(
                    new SimpleSerializedObject<>(token.getData(), byte[].class, d.getString("tokenType"), null));
            position = t == null ? OptionalLong.empty() : t.position();
        }
        return Optional.of(new Claim(d.getString("owner"), position));
    }
}
