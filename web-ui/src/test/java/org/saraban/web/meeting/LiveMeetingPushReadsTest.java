package org.saraban.web.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.PersonRef;
import org.saraban.api.meeting.MeetingOpenedEvent;
import org.saraban.command.store.EmbeddedMongo;
import org.saraban.query.meeting.MeetingProjection;
import org.saraban.query.meeting.MeetingQueries;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * The push waits for the live state by its position alone: the live state of a meeting of 1,000 members is about
 * a megabyte, and reading it whole for every event made the one push thread the bottleneck of a large meeting
 * (the meetings load harness, MeetingLoadBenchmark).
 */
class LiveMeetingPushReadsTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final List<BsonDocument> finds = Collections.synchronizedList(new ArrayList<>());
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(mongo.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent e) {
                    if (e.getCommandName().equals("find")) {
                        finds.add(e.getCommand().clone());
                    }
                }
            }).build());

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    @Test
    void the_push_reads_the_live_states_position_not_the_whole_document() {
        MongoDatabase db = client.getDatabase("push");
        List<Document> attendance = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            attendance.add(new Document("personId", "p" + i).append("what", "JOINED"));
        }
        db.getCollection(MeetingProjection.MEETINGS).insertOne(new Document("_id", "m1").append("position", 7L)
                .append("attendance", attendance));
        db.getCollection(MeetingProjection.MEETING_EVENTS).insertOne(new Document("_id", 7L).append("meetingId", "m1")
                .append("seq", 7L).append("type", "MeetingOpened").append("payload", new Document()));
        List<Message<?>> sent = Collections.synchronizedList(new ArrayList<>());
        SimpMessagingTemplate messaging = new SimpMessagingTemplate((message, timeout) -> sent.add(message));
        LiveMeetingPush push = new LiveMeetingPush(new MeetingQueries(db), messaging);

        push.on(new MeetingOpenedEvent("m1", new PersonRef("chair", "ประธาน", null, null, null), Instant.now()),
                new GlobalSequenceTrackingToken(7), MetaData.emptyInstance());

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeaders().get("simpDestination")).isEqualTo("/topic/meetings/m1");
        List<BsonDocument> ofLiveState = finds.stream()
                .filter(f -> f.getString("find").getValue().equals(MeetingProjection.MEETINGS)).toList();
        assertThat(ofLiveState).isNotEmpty().allSatisfy(f -> assertThat(f.getDocument("projection", new BsonDocument())
                .keySet()).as("what the push reads of the live state").containsExactly("position"));
    }
}
