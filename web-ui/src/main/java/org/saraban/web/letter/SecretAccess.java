package org.saraban.web.letter;

import java.time.Clock;

import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.archive.RecordSecretLetterAccessCommand;
import org.saraban.web.support.CommandSender;
import org.springframework.stereotype.Component;

/**
 * Every view, download and print of a secret letter is recorded as an event (issue 6, item 1), before the
 * content goes out: in the letter's access log, a stream of its own, so reading never changes the letter.
 */
@Component
public class SecretAccess {

    private final CommandSender commands;
    private final Clock clock;

    public SecretAccess(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Records the access if the letter (its view) is secret; nothing for any other letter. */
    public void record(Document view, Actor actor, RecordSecretLetterAccessCommand.Access what, String detail) {
        String secrecy = view.getString("secrecy");
        if (secrecy == null || "NONE".equals(secrecy)) {
            return;
        }
        String letterId = view.getString("id");
        commands.send(new RecordSecretLetterAccessCommand(RecordSecretLetterAccessCommand.logOf(letterId), letterId,
                view.getString("agencyCode"), actor.ref(), what, detail, clock.instant()));
    }
}
