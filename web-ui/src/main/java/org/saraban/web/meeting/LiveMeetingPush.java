package org.saraban.web.meeting;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.saraban.query.meeting.MeetingQueries;
import org.saraban.query.support.Positions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes every meeting event to the meeting's topic ({@code /topic/meetings/{id}}) as {@code {seq, type, at,
 * payload}}, exactly as {@code GET /api/meetings/{id}/events} returns it, once the meeting's live state
 * reflects it (API.md, DESIGN.md §7). {@code seq} is the event's global position, so it only grows; a client
 * that reconnects asks for the events after the last seq it saw. Its own tracking processor with an in-memory
 * token from the head of the stream, so every node pushes to its own connections.
 * <p>
 * It waits for the live state through {@code MeetingQueries.awaitPosition} and takes the logged event from
 * {@code MeetingQueries.event}: both are handed over in memory by this process's projection ({@code MeetingFeed},
 * ADR 0010), and read from MongoDB only when the projection runs on another node.
 */
@Component
@ProcessingGroup(LiveMeetingPush.GROUP)
public class LiveMeetingPush {

    public static final String GROUP = "live-meetings";
    public static final String TOPIC = "/topic/meetings/";

    private static final Logger log = LoggerFactory.getLogger(LiveMeetingPush.class);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(2);

    private final MeetingQueries queries;
    private final SimpMessagingTemplate messaging;

    public LiveMeetingPush(MeetingQueries queries, SimpMessagingTemplate messaging) {
        this.queries = queries;
        this.messaging = messaging;
    }

    @EventHandler
    void on(Object event, TrackingToken token, MetaData meta) {
        Optional<String> meetingId = meetingId(event);
        if (meetingId.isEmpty()) {
            return;
        }
        long seq = Positions.of(token, meta);
        try {
            // the projection logs an event before it shows it in the live state
            queries.awaitPosition(meetingId.get(), seq, PROJECTION_WAIT);
            queries.event(seq).ifPresent(entry -> messaging.convertAndSend(TOPIC + meetingId.get(), entry));
        } catch (RuntimeException e) {
            log.warn("live push of meeting event {} failed: {}", seq, e.toString());
        }
    }

    /** The {@code meetingId} of an event of the meeting package (committee events have none). */
    static Optional<String> meetingId(Object event) {
        if (!event.getClass().isRecord() || !event.getClass().getPackageName().equals("org.saraban.api.meeting")) {
            return Optional.empty();
        }
        for (RecordComponent c : event.getClass().getRecordComponents()) {
            if (c.getName().equals("meetingId")) {
                try {
                    return Optional.ofNullable((String) c.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
