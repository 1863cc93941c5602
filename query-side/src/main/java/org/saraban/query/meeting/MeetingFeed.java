package org.saraban.query.meeting;

import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.bson.Document;
import org.saraban.query.support.PositionSignal;

/**
 * What the meetings projection of this process hands to its readers without a round trip to MongoDB: the
 * position each meeting's live state reflects (to wake requests waiting to read their own writes), and the
 * last few thousand logged events (for the live push, which sends each one as soon as it is projected). A
 * reader whose projection runs on another node finds neither here and reads MongoDB, as before.
 */
public final class MeetingFeed {

    static final int KEPT = 4096;

    private final PositionSignal positions = new PositionSignal();
    private final ConcurrentSkipListMap<Long, Document> recent = new ConcurrentSkipListMap<>();

    PositionSignal positions() {
        return positions;
    }

    void logged(long position, Document entry) {
        Document kept = new Document(entry);
        kept.remove("_id");
        recent.put(position, kept);
        while (recent.size() > KEPT) {
            recent.pollFirstEntry();
        }
    }

    void projected(String meetingId, long position) {
        positions.advanced(meetingId, position);
    }

    /** The logged event at {@code seq} (a shallow copy), if it is one of the last ones projected here. */
    Optional<Document> recent(long seq) {
        Document entry = recent.get(seq);
        return entry == null ? Optional.empty() : Optional.of(new Document(entry));
    }

    void clear() {
        positions.clear();
        recent.clear();
    }
}
