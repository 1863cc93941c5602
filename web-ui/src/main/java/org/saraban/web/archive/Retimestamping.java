package org.saraban.web.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.RetimestampLetterCommand;
import org.saraban.command.letter.LetterDocuments;
import org.saraban.query.letter.LetterStore;
import org.saraban.web.config.StorageConfig;
import org.saraban.web.support.CommandSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-timestamping (issue 6, item 8): a filed letter's PDF of record stays verifiable only while the certificate
 * of its latest document timestamp is valid, so before it expires the archive adds fresh validation data and a
 * new document timestamp over the whole file (a new revision, PdfStep.RETIMESTAMPED). Run daily by the scheduler
 * and on demand by a records officer.
 */
public class Retimestamping {

    private static final Logger log = LoggerFactory.getLogger(Retimestamping.class);
    /** Who the scheduled run records as having done it. */
    public static final PersonRef SCHEDULER = new PersonRef("saraban-scheduler", "ระบบสารบรรณ (งานตามกำหนดเวลา)",
            "ระบบ", null, null);

    private final StorageConfig.Store store;
    private final LetterDocuments documents;
    private final CommandSender commands;
    private final Clock clock;

    public Retimestamping(StorageConfig.Store store, LetterDocuments documents, CommandSender commands, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.commands = commands;
        this.clock = clock;
    }

    public record Result(int checked, List<String> retimestamped, List<String> failed) {
    }

    /** The filed letters (of one agency, or all when null) whose timestamp expires within {@code within}. */
    public Result run(String agencyCode, Duration within, PersonRef by) {
        Instant now = clock.instant();
        Instant horizon = now.plus(within);
        List<Bson> where = new ArrayList<>(List.of(eq("status", "FILED"), ne("pdfSha256", null)));
        if (agencyCode != null) {
            where.add(eq("agencyCode", agencyCode));
        }
        int checked = 0;
        List<String> renewed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Document d : store.database().getCollection(LetterStore.LETTERS).find(and(where))
                .projection(new Document("id", 1).append("pdfSha256", 1))) {
            checked++;
            String id = d.getString("id");
            try {
                Optional<Instant> expiry = documents.timestampExpiry(d.getString("pdfSha256"));
                if (expiry.isPresent() && expiry.get().isBefore(horizon)) {
                    commands.send(new RetimestampLetterCommand(id, by, now));
                    renewed.add(id);
                }
            } catch (RuntimeException e) {
                log.warn("re-timestamping letter {} failed: {}", id, e.toString());
                failed.add(id);
            }
        }
        return new Result(checked, renewed, failed);
    }
}
