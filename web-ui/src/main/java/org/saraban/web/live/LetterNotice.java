package org.saraban.web.live;

/**
 * What a client receives on {@code /user/queue/letters} when a letter it may see changes:
 * {@code {"seq": 1234, "type": "LetterDelivered", "letterId": "…", "direction": "INCOMING", "at": "2026-11-21T09:30:00+07:00"}}.
 * {@code seq} is the event's global position (increasing on each connection); {@code type} the event's
 * name without "Event"; {@code letterId} the id to fetch ({@code GET /api/letters/{letterId}}): a received
 * copy has its own id; {@code direction} INCOMING or OUTGOING; {@code at} when it happened.
 */
public record LetterNotice(long seq, String type, String letterId, String direction, String at) {
}
