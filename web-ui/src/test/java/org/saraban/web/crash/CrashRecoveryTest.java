package org.saraban.web.crash;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saraban.api.meeting.BallotCastEvent;
import org.saraban.api.meeting.VoteCastEvent;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.archive.DestructionListProjection;
import org.saraban.query.archive.FilePlanProjection;
import org.saraban.query.archive.LoanProjection;
import org.saraban.query.archive.TransferListProjection;
import org.saraban.query.letter.LetterProjection;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.meeting.MeetingProjection;
import org.saraban.query.privacy.PdpaProjection;
import org.saraban.query.support.Replay;
import org.saraban.web.config.AxonConfig;
import org.saraban.web.directory.DemoDirectory;

/**
 * The acceptance crash test (issue 7, item 2): the server is killed with SIGKILL, cycle after cycle, while the
 * clerks of สพร dispatch letters, the clerk of นร ๐๕ receives the copies delivered in earlier cycles, and the
 * members of a committee in session vote on the cycle's poll (named and secret by turns); then it is restarted on
 * the same files. After each restart every dispatch and receipt that got a 2xx is in the event store and the read
 * models with the number it was given, both registers are gapless and unique, every vote that got a 2xx is in the
 * event store and in the poll's tally, no member has voted twice in a poll, the hash chain is intact, and every
 * read model equals a rebuild from the events.
 *
 * <p>{@code -Dsaraban.crash.cycles=20} for the full run (default 2 in the suite), {@code -Dsaraban.crash.letters}
 * letters per cycle (default 30).
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DGA = URLEncoder.encode("สพร", StandardCharsets.UTF_8);
    private static final String SOC = URLEncoder.encode("นร ๐๕", StandardCharsets.UTF_8).replace("+", "%20");
    /** The committee: the chair, the secretary and eleven members, from three agencies; every one of them votes. */
    static final List<String> VOTERS = List.of("dga.director", "dga.head", "dga.officer", "dga.officer2",
            "dga.records", "soc.director", "soc.officer", "soc.records", "opdc.director", "opdc.head", "opdc.officer",
            "opdc.records", "opdc.clerk");
    static final String CHAIR = "dga.director";
    static final List<String> OPTIONS = List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง");
    /** What a secret poll's vote shows in the event store instead of its choice. */
    private static final String SEALED = "(sealed)";

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_dispatch_receipt_and_vote_survives_repeated_kill_9_and_read_models_equal_a_rebuild()
            throws Exception {
        int cycles = Integer.getInteger("saraban.crash.cycles", 2);
        int perCycle = Integer.getInteger("saraban.crash.letters", 30);
        Map<String, JsonNode> dispatched = new ConcurrentHashMap<>();
        Map<String, JsonNode> received = new ConcurrentHashMap<>();
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        try (AppProcess app = new AppProcess(dir.resolve("data"), dir.resolve("server.log"))) {
            app.start();
            Votes votes = meetingInSession(app);
            for (int cycle = 1; cycle <= cycles; cycle++) {
                int dispatchedBefore = dispatched.size();
                int receivedBefore = received.size();
                int cutOffBefore = cutOff.get();
                int inFlightBefore = inFlight.get();
                int votesBefore = votes.acknowledged.size();
                int votesCutOffBefore = votes.cutOff.get();
                int votesInFlightBefore = votes.inFlight.get();
                List<String> letters = new ArrayList<>();
                for (int i = 0; i < perCycle; i++) {
                    letters.add(signedLetter(app, "หนังสือทดสอบการกู้คืนหลังระบบล่ม รอบที่ " + cycle + " ฉบับที่ " + i));
                }
                // the copies delivered to นร ๐๕ by earlier cycles' dispatches, not yet received
                List<String> copies = new ArrayList<>();
                for (String letter : dispatched.keySet()) {
                    JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + letter).body());
                    view.path("deliveries").forEach(d -> {
                        String copy = d.path("copyId").asText(null);
                        if (copy != null && !received.containsKey(copy)) {
                            copies.add(copy);
                        }
                    });
                }

                // the cycle's poll, named and secret by turns, on which every member votes once
                boolean secret = cycle % 2 == 0;
                String poll = openPoll(app, votes.meetingId, votes.itemId, "ขอมติที่ประชุม รอบที่ " + cycle, secret);
                votes.polls.put(poll, secret);

                // clerks dispatch and receive and members vote from several threads; the server is killed in the
                // middle of it
                ExecutorService pool = Executors.newFixedThreadPool(6);
                AtomicInteger acknowledgedThisCycle = new AtomicInteger();
                List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
                for (String id : letters) {
                    tasks.add(() -> act(app, "dga.clerk", "/api/letters/" + id + "/dispatch", null, id, dispatched,
                            acknowledgedThisCycle, cutOff, inFlight));
                }
                for (String copy : copies) {
                    tasks.add(() -> act(app, "soc.clerk", "/api/letters/" + copy + "/receive", null, copy, received,
                            acknowledgedThisCycle, cutOff, inFlight));
                }
                for (int i = 0; i < VOTERS.size(); i++) {
                    String voter = VOTERS.get(i);
                    String choice = OPTIONS.get((cycle + i) % OPTIONS.size());
                    String ballot = poll + "/" + voter;
                    votes.sent.put(ballot, choice);
                    String vote = JSON.writeValueAsString(Map.of("choice", choice));
                    votes.waiting.incrementAndGet();
                    tasks.add(() -> {
                        votes.voting.incrementAndGet();
                        votes.waiting.decrementAndGet();
                        try {
                            return act(app, voter, "/api/meetings/" + votes.meetingId + "/polls/" + poll + "/votes",
                                    vote, ballot, votes.acknowledged, acknowledgedThisCycle, votes.cutOff,
                                    votes.inFlight);
                        } finally {
                            votes.voting.decrementAndGet();
                        }
                    });
                }
                java.util.Collections.shuffle(tasks, new java.util.Random(cycle));
                tasks.forEach(pool::submit);
                int work = tasks.size();
                System.out.printf("crash test: cycle %d: %d dispatches, %d receipts and %d votes (%s poll) under way%n",
                        cycle, letters.size(), copies.size(), VOTERS.size(), secret ? "secret" : "named");
                // a third of the work done, and the kill takes a vote with it (unless every vote is done already)
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(1))
                        .until(() -> acknowledgedThisCycle.get() >= work / 3
                                && (votes.voting.get() > 0 || votes.waiting.get() == 0));
                app.kill();
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                app.start();
                awaitProcessorsCaughtUp(app);
                int storedUnacknowledged = verify(app, dispatched, received, votes, poll, "cycle " + cycle);
                System.out.printf("crash test: cycle %d: acknowledged %d dispatches, %d receipts and %d votes, all found "
                        + "after restart (lost: 0); cut off by the kill: %d dispatches or receipts (%d in flight) and %d "
                        + "votes (%d in flight, %d stored all the same)%n", cycle, dispatched.size() - dispatchedBefore,
                        received.size() - receivedBefore, votes.acknowledged.size() - votesBefore,
                        cutOff.get() - cutOffBefore, inFlight.get() - inFlightBefore,
                        votes.cutOff.get() - votesCutOffBefore, votes.inFlight.get() - votesInFlightBefore,
                        storedUnacknowledged);
            }
            System.out.printf("crash test: %d kill -9 cycles; acknowledged %d dispatches, %d receipts and %d votes, all "
                    + "found after restart; %d dispatches or receipts and %d votes cut off by the kills (not "
                    + "acknowledged)%n", cycles, dispatched.size(), received.size(), votes.acknowledged.size(),
                    cutOff.get(), votes.cutOff.get());

            // an orderly restart keeps every letter, number and register row
            int year = dispatched.values().iterator().next().get("yearBE").asInt();
            String registerBefore = app.get("dga.clerk", "/api/registers/" + DGA + "/sent/" + year).body();
            String outboxBefore = app.get("dga.clerk", "/api/outbox?size=200").body();
            String meetingBefore = app.get(CHAIR, "/api/meetings/" + votes.meetingId).body();
            app.stop();
            app.start();
            assertThat(app.get("dga.clerk", "/api/registers/" + DGA + "/sent/" + year).body()).isEqualTo(registerBefore);
            assertThat(app.get("dga.clerk", "/api/outbox?size=200").body()).isEqualTo(outboxBefore);
            assertThat(app.get(CHAIR, "/api/meetings/" + votes.meetingId).body()).isEqualTo(meetingBefore);
        }
    }

    /**
     * One command; its 2xx answer is remembered, anything else (the kill included) counted as cut off, and in
     * {@code inFlight} too if the kill took the connection with the request sent and no answer yet (not a refused
     * connection: the server was down already).
     */
    private static Void act(AppProcess app, String user, String path, String json, String id,
                            Map<String, JsonNode> acknowledged, AtomicInteger thisCycle, AtomicInteger cutOff,
                            AtomicInteger inFlight) {
        try {
            HttpResponse<String> r = app.post(user, path, json);
            if (r.statusCode() / 100 == 2) {
                acknowledged.put(id, JSON.readTree(r.body()));
                thisCycle.incrementAndGet();
            } else {
                cutOff.incrementAndGet();
                if (r.statusCode() != 503) {
                    System.out.println("crash test: " + path + " answered " + r.statusCode() + " " + r.body());
                }
            }
        } catch (java.net.ConnectException down) {
            cutOff.incrementAndGet();
        } catch (Exception killed) {
            cutOff.incrementAndGet();
            inFlight.incrementAndGet();
        }
        return null;
    }

    /** Returns how many votes on {@code poll} were stored although their answer was cut off by the kill. */
    private int verify(AppProcess app, Map<String, JsonNode> dispatched, Map<String, JsonNode> received, Votes votes,
                       String poll, String when) throws Exception {
        // 1. every acknowledged dispatch and receipt is in the read model with the number it was given
        for (Map.Entry<String, JsonNode> ack : dispatched.entrySet()) {
            JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + ack.getKey()).body());
            assertThat(view.get("status").asText()).as(when).isIn("DISPATCHED");
            assertThat(view.get("number").asText()).as(when).isEqualTo(ack.getValue().get("number").asText());
        }
        // 1b. every acknowledged dispatch reached นร ๐๕: its copy is there (delivered or received)
        for (String letter : dispatched.keySet()) {
            JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + letter).body());
            assertThat(view.path("deliveries").size()).as(when + ": deliveries of " + letter).isEqualTo(1);
            String copy = view.path("deliveries").get(0).path("copyId").asText();
            HttpResponse<String> atSoc = app.get("soc.clerk", "/api/letters/" + copy);
            if (atSoc.statusCode() != 200) {
                try (MongoClient client = MongoClients.create(app.mongoUri())) {
                    MongoDatabase live = client.getDatabase("saraban");
                    List<String> copyEvents = live.getCollection("events").find(eq("aggregateIdentifier", copy))
                            .map(d -> d.get("_id") + ":" + d.getString("payloadType")).into(new ArrayList<>());
                    List<String> letterEvents = live.getCollection("events").find(eq("aggregateIdentifier", letter))
                            .map(d -> d.get("_id") + ":" + d.getString("payloadType")).into(new ArrayList<>());
                    Object copyDoc = live.getCollection("letters").find(eq("_id", copy)).first();
                    throw new AssertionError(when + ": the copy of " + letter + " is missing at นร ๐๕; copy events "
                            + copyEvents + "; letter events " + letterEvents + "; copy read model " + (copyDoc != null)
                            + "; server log: " + java.nio.file.Files.readAllLines(dir.resolve("server.log")).stream()
                            .filter(l -> l.contains("ERROR") || l.contains("WARN") || l.contains("Exception"))
                            .limit(40).toList());
                }
            }
        }
        for (Map.Entry<String, JsonNode> ack : received.entrySet()) {
            JsonNode view = JSON.readTree(app.get("soc.clerk", "/api/letters/" + ack.getKey()).body());
            assertThat(view.get("status").asText()).as(when).isEqualTo("RECEIVED");
            assertThat(view.get("receivingNumber").asText()).as(when)
                    .isEqualTo(ack.getValue().get("receivingNumber").asText());
        }
        // 2. both registers are gapless and unique, and hold every acknowledged number
        int year = dispatched.values().iterator().next().get("yearBE").asInt();
        Map<String, String> sent = gaplessRegister(app, "dga.clerk", DGA + "/sent/" + year, "number", when);
        dispatched.forEach((id, view) -> assertThat(sent.get(id)).as(when).isEqualTo(view.get("number").asText()));
        if (!received.isEmpty()) {
            Map<String, String> in = gaplessRegister(app, "soc.clerk", SOC + "/received/" + year, "receivingNumber", when);
            received.forEach((id, view) -> assertThat(in.get(id)).as(when)
                    .isEqualTo(view.get("receivingNumber").asText()));
        }

        try (MongoClient client = MongoClients.create(app.mongoUri())) {
            MongoDatabase live = client.getDatabase("saraban");
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(live)
                    .eventSerializer(AxonConfig.newEventSerializer())
                    .snapshotSerializer(AxonConfig.snapshotSerializer()).build();
            // 3. the events are in the store
            for (String id : dispatched.keySet()) {
                assertThat(live.getCollection("events").find(eq("aggregateIdentifier", id))
                        .map(d -> d.getString("payloadType")).into(new ArrayList<>()))
                        .contains("org.saraban.api.letter.LetterDispatchedEvent");
            }
            // 3a. the votes: every acknowledged one stored, none twice, each counted; then the poll is closed
            int storedUnacknowledged = verifyVotes(app, engine, votes, poll, when);
            // 3b. the hash chain runs unbroken through every stored event, across the kills
            org.saraban.command.store.EventChainVerifier.Report chain =
                    new org.saraban.command.store.EventChainVerifier(live).verify();
            assertThat(chain.intact()).as(when + ": " + chain).isTrue();
            assertThat(chain.unchained()).isZero();
            assertThat(chain.checked()).isEqualTo(live.getCollection("events").countDocuments());
            // 4. every read model equals a rebuild from the event store: each projection fed every stored event,
            // in order, into a database of its own
            MongoDatabase rebuilt = client.getDatabase("rebuild");
            rebuilt.drop();
            List<? extends TrackedEventMessage<?>> stored = engine.readEvents(null, false).toList();
            assertThat((long) stored.size()).isEqualTo(engine.countEvents());
            Map<Object, List<String>> readModels = new LinkedHashMap<>();
            readModels.put(new LetterProjection(new LetterStore(rebuilt)),
                    List.of(LetterStore.LETTERS, LetterStore.LETTER_LIST, LetterStore.REGISTER_ROWS));
            readModels.put(new MeetingProjection(rebuilt), List.of(MeetingProjection.MEETINGS,
                    MeetingProjection.MEETING_EVENTS, MeetingProjection.MEMBERS, MeetingProjection.ATTENDANCE,
                    MeetingProjection.VOTERS));
            readModels.put(new PdpaProjection(rebuilt), List.of(PdpaProjection.REQUESTS));
            readModels.put(new DestructionListProjection(rebuilt), List.of(DestructionListProjection.LISTS));
            readModels.put(new LoanProjection(rebuilt), List.of(LoanProjection.LOANS));
            readModels.put(new FilePlanProjection(rebuilt), List.of(FilePlanProjection.CODES));
            readModels.put(new TransferListProjection(rebuilt), List.of(TransferListProjection.LISTS));
            for (Map.Entry<Object, List<String>> readModel : readModels.entrySet()) {
                assertThat(Replay.into(readModel.getKey(), stored.stream())).isEqualTo(stored.size());
                for (String collection : readModel.getValue()) {
                    assertThat(differences(all(live, collection), all(rebuilt, collection)))
                            .as(when + ": " + collection + " equals its rebuild").isEmpty();
                }
            }
            rebuilt.drop();
            // 5. the boxes list every list entry in the store: on the embedded store they are filtered in memory, which
            // a restart fills from the store (ADR 0016)
            for (String[] box : List.of(new String[] {"dga.clerk", "สพร", "OUTGOING", "/api/outbox"},
                    new String[] {"soc.clerk", "นร ๐๕", "INCOMING", "/api/inbox"})) {
                org.bson.conversions.Bson entries = com.mongodb.client.model.Filters.and(
                        com.mongodb.client.model.Filters.eq("agencyCode", box[1]),
                        com.mongodb.client.model.Filters.eq("direction", box[2]));
                List<String> firstPage = live.getCollection(LetterStore.LETTER_LIST).find(entries)
                        .sort(com.mongodb.client.model.Sorts.descending("position", "_id")).limit(50)
                        .map(d -> d.getString("_id")).into(new ArrayList<>());
                JsonNode listed = JSON.readTree(app.get(box[0], box[3] + "?size=50").body());
                assertThat(listed.get("total").asLong()).as(when + ": " + box[3] + " total")
                        .isEqualTo(live.getCollection(LetterStore.LETTER_LIST).countDocuments(entries));
                List<String> shown = new ArrayList<>();
                listed.get("items").forEach(item -> shown.add(item.get("id").asText()));
                assertThat(shown).as(when + ": " + box[3] + " first page")
                        .containsExactlyElementsOf(firstPage);
            }
            return storedUnacknowledged;
        }
    }

    /**
     * The votes after a restart. In the event store: every acknowledged vote, as the choice it sent (a named poll)
     * or a sealed ballot (a secret one), and no member twice in a poll. In the live state: each poll's number of
     * votes and who voted are those of the stored events, and a named poll's running count is theirs. Then the
     * chair closes {@code poll}, and every poll's count is what its stored votes chose. Returns how many votes on
     * {@code poll} are stored without having been acknowledged.
     */
    private int verifyVotes(AppProcess app, MongoEventStorageEngine engine, Votes votes, String poll, String when)
            throws Exception {
        // poll → voter's username → the choice stored (named) or SEALED; a second vote of one member is a failure
        Map<String, Map<String, String>> stored = new HashMap<>();
        Map<String, String> usernames = new HashMap<>();
        VOTERS.forEach(u -> usernames.put(DemoDirectory.personId(u), u));
        List<String> twice = new ArrayList<>();
        engine.readEvents(votes.meetingId).asStream().forEach(m -> {
            String pollId = null;
            String voter = null;
            String choice = null;
            if (m.getPayload() instanceof VoteCastEvent e) {
                pollId = e.pollId();
                voter = e.voter().id();
                choice = e.choice();
            } else if (m.getPayload() instanceof BallotCastEvent e) {
                pollId = e.pollId();
                voter = e.voter().id();
                choice = SEALED;
            }
            if (pollId != null && stored.computeIfAbsent(pollId, k -> new HashMap<>())
                    .put(usernames.getOrDefault(voter, voter), choice) != null) {
                twice.add(pollId + "/" + usernames.getOrDefault(voter, voter));
            }
        });
        assertThat(twice).as(when + ": members with two votes in one poll").isEmpty();
        List<String> lost = votes.acknowledged.keySet().stream().filter(ballot -> {
            String[] pv = ballot.split("/", 2);
            return !stored.getOrDefault(pv[0], Map.of()).containsKey(pv[1]);
        }).sorted().toList();
        assertThat(lost).as(when + ": acknowledged votes missing from the event store").isEmpty();
        stored.forEach((pollId, byVoter) -> byVoter.forEach((voter, choice) -> {
            assertThat(votes.sent).as(when + ": a stored vote nobody sent").containsKey(pollId + "/" + voter);
            assertThat(choice).as(when + ": the choice stored for " + voter)
                    .isEqualTo(votes.polls.get(pollId) ? SEALED : votes.sent.get(pollId + "/" + voter));
        }));

        JsonNode before = answer(app.get(CHAIR, "/api/meetings/" + votes.meetingId), 200);
        assertTally(before, stored, votes, when + ", before the close");
        JsonNode closed = answer(app.post(CHAIR, "/api/meetings/" + votes.meetingId + "/polls/" + poll + "/close",
                null), 200);
        assertTally(closed, stored, votes, when + ", after the close");
        for (JsonNode p : closed.get("polls")) {
            assertThat(p.get("status").asText()).as(when).isEqualTo("CLOSED");
        }
        Map<String, String> onThisPoll = stored.getOrDefault(poll, Map.of());
        return (int) onThisPoll.keySet().stream().filter(v -> !votes.acknowledged.containsKey(poll + "/" + v)).count();
    }

    /**
     * Each poll of the live state against its stored votes: how many, who, and the count of their choices where the
     * state shows one (a named poll, or any poll once closed; a secret poll has none while it is open).
     */
    private static void assertTally(JsonNode meeting, Map<String, Map<String, String>> stored, Votes votes,
                                    String when) {
        assertThat(meeting.get("polls")).as(when).hasSize(votes.polls.size());
        for (JsonNode p : meeting.get("polls")) {
            String pollId = p.get("pollId").asText();
            Map<String, String> byVoter = stored.getOrDefault(pollId, Map.of());
            assertThat(p.get("votes").asInt()).as(when + ": votes on " + pollId).isEqualTo(byVoter.size());
            List<String> voted = new ArrayList<>();
            p.get("voted").forEach(v -> voted.add(v.asText()));
            assertThat(voted).as(when + ": who voted on " + pollId).containsExactlyInAnyOrderElementsOf(
                    byVoter.keySet().stream().map(DemoDirectory::personId).toList());
            boolean counted = "CLOSED".equals(p.get("status").asText()) || !votes.polls.get(pollId);
            assertThat(p.get("counts").isNull()).as(when + ": a count of " + pollId).isEqualTo(!counted);
            if (counted) {
                Map<String, Integer> expected = new LinkedHashMap<>();
                OPTIONS.forEach(o -> expected.put(o, 0));
                byVoter.keySet().forEach(v -> expected.merge(votes.sent.get(pollId + "/" + v), 1, Integer::sum));
                Map<String, Integer> counts = new LinkedHashMap<>();
                p.get("counts").properties().forEach(c -> counts.put(c.getKey(), c.getValue().asInt()));
                assertThat(counts).as(when + ": the count of " + pollId).isEqualTo(expected);
            }
        }
    }

    /** The meeting the members vote in, its polls, and what was sent, acknowledged and cut off. */
    static final class Votes {
        final String meetingId;
        final String itemId;
        /** poll → secret, in the order they were opened */
        final Map<String, Boolean> polls = new LinkedHashMap<>();
        /** "poll/username" → the choice sent, acknowledged or not */
        final Map<String, String> sent = new ConcurrentHashMap<>();
        /** "poll/username" → the live state its 2xx answered */
        final Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        final AtomicInteger cutOff = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        /** this cycle's votes not begun yet, and under way */
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger voting = new AtomicInteger();

        Votes(String meetingId, String itemId) {
            this.meetingId = meetingId;
            this.itemId = itemId;
        }
    }

    /**
     * As the demo people would: the clerk of สพร sets up the committee, the secretary schedules the meeting with an
     * item to decide, the chair opens it, every member joins with their password re-entered, and the chair moves to
     * the item.
     */
    static Votes meetingInSession(AppProcess app) throws Exception {
        // the demo directory is still loading, person by person, when the server first answers
        for (String voter : VOTERS) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> app.get(voter, "/api/me").statusCode() == 200);
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (String voter : VOTERS) {
            boolean chair = voter.equals(CHAIR);
            boolean secretary = voter.equals("dga.head");
            members.add(Map.of("personId", DemoDirectory.personId(voter),
                    "role", chair ? "CHAIR" : secretary ? "SECRETARY" : "MEMBER",
                    "committeePosition", chair ? "ประธานกรรมการ" : secretary ? "กรรมการและเลขานุการ" : "กรรมการ"));
        }
        String committee = answer(app.post("dga.clerk", "/api/committees", JSON.writeValueAsString(Map.of(
                "name", "คณะทำงานทดสอบการกู้คืนระบบ", "appointedBy", "คำสั่งสำนักงานพัฒนารัฐบาลดิจิทัล ที่ ๒๐/๒๕๖๙",
                "type", "GENERAL", "members", members))), 201).get("committeeId").asText();
        String meeting = answer(app.post("dga.head", "/api/meetings", JSON.writeValueAsString(Map.of(
                "committeeId", committee, "title", "การประชุมคณะทำงานระหว่างการทดสอบการกู้คืน",
                "startsAt", Instant.now().plus(Duration.ofHours(1)).toString(), "online", true,
                "conferenceUrl", "https://e-meeting.example/join/crash"))), 201).get("id").asText();
        JsonNode agenda = answer(app.post("dga.head", "/api/meetings/" + meeting + "/agenda-items",
                JSON.writeValueAsString(Map.of("section", 5, "title", "ขอความเห็นชอบ"))), 200).get("agenda");
        String item = agenda.get(0).get("itemId").asText();
        answer(app.post(CHAIR, "/api/meetings/" + meeting + "/open", null), 200);
        String password = JSON.writeValueAsString(Map.of("password", DemoDirectory.PASSWORD));
        for (String voter : VOTERS) {
            answer(app.post(voter, "/api/meetings/" + meeting + "/join", password), 200);
        }
        answer(app.post(CHAIR, "/api/meetings/" + meeting + "/agenda-items/" + item + "/start", null), 200);
        return new Votes(meeting, item);
    }

    /** The chair opens a poll on the item; every member present is eligible. Returns its id. */
    static String openPoll(AppProcess app, String meeting, String item, String question, boolean secret)
            throws Exception {
        JsonNode polls = answer(app.post(CHAIR, "/api/meetings/" + meeting + "/polls", JSON.writeValueAsString(Map.of(
                "itemId", item, "question", question, "options", OPTIONS, "secret", secret))), 200).get("polls");
        JsonNode opened = polls.get(polls.size() - 1);
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("eligible")).hasSize(VOTERS.size());
        return opened.get("pollId").asText();
    }

    private static JsonNode answer(HttpResponse<String> r, int status) throws java.io.IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** The register's rows numbered 1..n without gap or repeat; letter id → the number it shows. */
    static Map<String, String> gaplessRegister(AppProcess app, String user, String path, String numberField,
                                                       String when) throws Exception {
        JsonNode rows = JSON.readTree(app.get(user, "/api/registers/" + path).body()).get("rows");
        List<Long> numbers = new ArrayList<>();
        Map<String, String> byLetter = new HashMap<>();
        rows.forEach(r -> {
            numbers.add(r.get("registerNumber").asLong());
            byLetter.put(r.get("letterId").asText(), r.path(numberField).asText());
        });
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= numbers.size(); n++) {
            expected.add(n);
        }
        assertThat(numbers).as(when + ": " + path + " is gapless").containsExactlyElementsOf(expected);
        return byLetter;
    }

    /** Per document id, the fields whose values differ between the live read model and its rebuild. */
    static Map<Object, String> differences(List<Document> live, List<Document> rebuilt) {
        Map<Object, Document> byId = new HashMap<>();
        rebuilt.forEach(d -> byId.put(d.get("_id"), d));
        Map<Object, String> diff = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (Document l : live) {
            Document r = byId.remove(l.get("_id"));
            if (r == null) {
                diff.put(l.get("_id"), "missing from the rebuild");
                continue;
            }
            Set<String> keys = new java.util.TreeSet<>(l.keySet());
            keys.addAll(r.keySet());
            StringBuilder b = new StringBuilder();
            for (String k : keys) {
                if (!java.util.Objects.equals(l.get(k), r.get(k))) {
                    b.append(k).append(": live=").append(l.get(k)).append(" rebuilt=").append(r.get(k)).append("; ");
                }
            }
            if (!b.isEmpty()) {
                diff.put(l.get("_id"), b.toString());
            }
        }
        byId.keySet().forEach(id -> diff.put(id, "missing from the live read model"));
        return diff;
    }

    static List<Document> all(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    static void awaitProcessorsCaughtUp(AppProcess app) {
        Set<String> seen = new HashSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode health = JSON.readTree(app.get("dga.clerk", "/actuator/health").body());
            JsonNode processors = health.at("/components/eventProcessors/details/processors");
            long head = health.at("/components/eventProcessors/details/headPosition").asLong();
            boolean caughtUp = processors.size() > 0;
            for (JsonNode p : processors) {
                caughtUp &= p.get("lag").asLong() == 0 && p.get("running").asBoolean();
            }
            // the delivery policy appends events of its own: caught up twice at the same head means settled
            return caughtUp && !seen.add(Long.toString(head)) ;
        });
    }

    /** An external letter of สพร to นร ๐๕, signed by สพร's director, as its officer drafts it. */
    static String externalLetter(String subject) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "kind", "EXTERNAL", "subject", subject, "salutation", "เรียน",
                "to", List.of(Map.of("agencyCode", "นร ๐๕", "position", "เลขาธิการคณะรัฐมนตรี")),
                "body", List.of("ข้อความทดสอบ"), "closing", "ขอแสดงความนับถือ",
                "signatory", DemoDirectory.personId("dga.director"),
                "ownerUnit", Map.of("name", "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ")));
    }

    static String signedLetter(AppProcess app, String subject) throws Exception {
        String director = DemoDirectory.personId("dga.director");
        HttpResponse<String> created = app.post("dga.officer", "/api/letters", externalLetter(subject));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(app.post("dga.officer", "/api/letters/" + id + "/submit",
                "{\"approverId\":\"" + director + "\"}").statusCode()).isEqualTo(200);
        assertThat(app.post("dga.director", "/api/letters/" + id + "/approve", null).statusCode()).isEqualTo(200);
        assertThat(app.post("dga.director", "/api/letters/" + id + "/sign", null).statusCode()).isEqualTo(200);
        return id;
    }
}
