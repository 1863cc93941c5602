package org.saraban.web.meeting;

import java.util.function.Function;

import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.NotFoundException;
import org.saraban.query.meeting.MeetingQueries;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.CommandSender;
import org.springframework.stereotype.Component;

/**
 * What every meeting endpoint does: check the caller may see the meeting (else 404, so its existence does not
 * leak), send the command, and answer with the live state once the projection has caught up with it.
 */
@Component
public class MeetingActions {

    private final CommandSender commands;
    private final MeetingQueries queries;
    private final CurrentActor currentActor;
    private final SarabanProperties props;

    public MeetingActions(CommandSender commands, MeetingQueries queries, CurrentActor currentActor,
                          SarabanProperties props) {
        this.commands = commands;
        this.queries = queries;
        this.currentActor = currentActor;
        this.props = props;
    }

    public Document act(String id, Function<Actor, Object> command) {
        Actor actor = currentActor.actor();
        visible(id, actor);
        return act(id, actor, command.apply(actor));
    }

    public Document act(String id, Actor actor, Object command) {
        var sent = commands.send(command);
        return settled(id, sent.positionOf(id), actor);
    }

    public Document settled(String id, long position, Actor actor) {
        if (position > 0) {
            queries.awaitPosition(id, position, props.readYourWritesTimeout());
        }
        return visible(id, actor);
    }

    public Document visible(String id, Actor actor) {
        return queries.find(id, actor).orElseThrow(() -> new NotFoundException("MEETING_NOT_FOUND", "not found"));
    }
}
