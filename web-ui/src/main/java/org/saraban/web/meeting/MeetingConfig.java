package org.saraban.web.meeting;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.Repository;
import org.saraban.command.meeting.BallotBox;
import org.saraban.command.meeting.InvitationTracker;
import org.saraban.command.meeting.MeetingScheduler;
import org.saraban.web.security.TotpAuthenticator;
import org.saraban.query.meeting.MeetingProjection;
import org.saraban.query.meeting.MeetingQueries;
import org.saraban.query.meeting.MeetingFeed;
import org.saraban.signing.pki.PkiSettings;
import org.saraban.web.config.StorageConfig;
import org.saraban.web.live.LiveProcessorConfig;
import org.saraban.web.live.SubscriptionRule;
import org.saraban.web.security.CurrentActor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meetings' command side wired into the app: scheduling with numbers, and the secret polls' keys. */
@Configuration(proxyBeanMethods = false)
public class MeetingConfig {

    /** The live push starts at the head of the stream on every node (DESIGN.md §7). */
    @Bean
    ConfigurerModule liveMeetingsProcessor() {
        return LiveProcessorConfig.fromHead(LiveMeetingPush.GROUP);
    }

    /** Only the meeting's participants may follow its topic. */
    @Bean
    SubscriptionRule meetingSubscription(MeetingQueries queries, CurrentActor actors) {
        return (user, destination) -> destination.startsWith(LiveMeetingPush.TOPIC)
                && actors.actorOf(user).map(a -> queries.isParticipant(
                        destination.substring(LiveMeetingPush.TOPIC.length()), a.personId())).orElse(false);
    }

    /**
     * What the meetings projection hands to this process's readers: it wakes the requests waiting to read their
     * own writes, and gives the live push each event as it is projected, without a read of MongoDB.
     */
    @Bean
    MeetingFeed meetingFeed() {
        return new MeetingFeed();
    }

    @Bean
    MeetingProjection meetingProjection(StorageConfig.Store store, MeetingFeed meetingFeed) {
        return new MeetingProjection(store.database(), meetingFeed);
    }

    @Bean
    MeetingQueries meetingQueries(StorageConfig.Store store, MeetingFeed meetingFeed) {
        MeetingQueries queries = new MeetingQueries(store.database(), meetingFeed);
        queries.ensureIndexes();
        return queries;
    }

    @Bean
    InvitationTracker invitationTracker(org.axonframework.commandhandling.gateway.CommandGateway commands,
                                        StorageConfig.Store store) {
        return new InvitationTracker(commands, store.database());
    }

    /** One-time passwords for joining meetings; their secrets are sealed by the deployment secret, as ballots are. */
    @Bean
    TotpAuthenticator totpAuthenticator(StorageConfig.Store store, PkiSettings settings) {
        return new TotpAuthenticator(store.database(), settings.storagePassword());
    }

    @Bean
    MeetingScheduler meetingScheduler(@Qualifier("committeeRepository") Repository<?> committees,
                                      @Qualifier("meetingRepository") Repository<?> meetings) {
        return new MeetingScheduler(committees, meetings);
    }

    /**
     * The deployment secret that seals the polls' private keys is the one that protects the signing keys
     * ({@code saraban.signing.storage-password}): neither is ever in MongoDB (ADR 0008).
     */
    @Bean
    BallotBox ballotBox(StorageConfig.Store store, PkiSettings settings) {
        return new MongoBallotBox(store.database(), settings.storagePassword());
    }
}
