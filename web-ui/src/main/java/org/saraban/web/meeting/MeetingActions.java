package org.saraban.web.meeting;

import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.NotFoundException;
import org.saraban.query.meeting.MeetingQueries;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.CommandSender;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every meeting endpoint does: check the caller may see the meeting (else 404, so its existence does not
 * leak), send the command, and answer once the projection has caught up with it (read-your-writes).
 * <p>
 * The answer is the live state, or, when the request says {@code Prefer: return=minimal} (RFC 7240), only
 * {@code {id, seq}}: the position of the command's last event, which the caller then receives on the meeting's
 * topic. A vote in a meeting of 1,000 members would otherwise answer with about a megabyte, 1,000 times over.
 * If the live state has not caught up within the read-your-writes timeout, the answer is {@code 202 Accepted}
 * with {@code {id, seq, settled: false}}: the command is recorded, the view will follow.
 */
@Component
public class MeetingActions {

    static final String PREFER = "Prefer";
    static final String MINIMAL = "return=minimal";

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
        requireVisible(id, actor);
        return act(id, actor, command.apply(actor));
    }

    public Document act(String id, Actor actor, Object command) {
        var sent = commands.send(command);
        return settled(id, sent.positionOf(id), actor);
    }

    public Document settled(String id, long position, Actor actor) {
        boolean settled = position <= 0 || queries.awaitPosition(id, position, props.readYourWritesTimeout());
        ServletRequestAttributes call = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a : null;
        if (!settled) {
            if (call != null && call.getResponse() != null) {
                call.getResponse().setStatus(HttpStatus.ACCEPTED.value());
            }
            return receipt(id, position).append("settled", false);
        }
        if (call != null && prefersMinimal(call.getRequest())) {
            HttpServletResponse response = call.getResponse();
            if (response != null) {
                response.setHeader("Preference-Applied", MINIMAL);
            }
            return receipt(id, position);
        }
        return visible(id, actor);
    }

    /** 404 unless the actor may see the meeting; reads no more than the two keys that decide it. */
    public void requireVisible(String id, Actor actor) {
        if (!queries.canSee(id, actor)) {
            throw new NotFoundException("MEETING_NOT_FOUND", "not found");
        }
    }

    public Document visible(String id, Actor actor) {
        return queries.find(id, actor).orElseThrow(() -> new NotFoundException("MEETING_NOT_FOUND", "not found"));
    }

    private static Document receipt(String id, long position) {
        return new Document("id", id).append("seq", position);
    }

    static boolean prefersMinimal(HttpServletRequest request) {
        var values = request.getHeaders(PREFER);
        while (values != null && values.hasMoreElements()) {
            for (String part : values.nextElement().split("[,;]")) {
                if (part.strip().equalsIgnoreCase(MINIMAL)) {
                    return true;
                }
            }
        }
        return false;
    }
}
