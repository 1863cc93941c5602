package org.saraban.command.meeting;

import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.saraban.api.meeting.MeetingException;
import org.saraban.api.meeting.MeetingScheduledEvent;
import org.saraban.api.meeting.ScheduleMeetingCommand;

/**
 * Schedules a meeting in one unit of work with its number: the committee issues ครั้งที่ N/พ.ศ. and the
 * meeting comes into being with it, so a number is never issued without its meeting.
 */
public class MeetingScheduler {

    private final Repository<Committee> committees;
    private final Repository<Meeting> meetings;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MeetingScheduler(Repository<?> committeeRepository, Repository<?> meetingRepository) {
        this.committees = (Repository) committeeRepository;
        this.meetings = (Repository) meetingRepository;
    }

    @CommandHandler
    public Map<String, Object> handle(ScheduleMeetingCommand c) throws Exception {
        Aggregate<Committee> committee;
        try {
            committee = committees.load(c.committeeId());
        } catch (AggregateNotFoundException e) {
            throw MeetingException.notFound(c.committeeId());
        }
        MeetingScheduledEvent scheduled = committee.invoke(cm -> cm.numberMeeting(c));
        meetings.newInstance(() -> Meeting.schedule(scheduled));
        return Map.of("meetingId", c.meetingId(), "number", scheduled.number());
    }
}
