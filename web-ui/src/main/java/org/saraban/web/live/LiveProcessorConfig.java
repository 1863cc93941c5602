package org.saraban.web.live;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The live processor (DESIGN.md §7): a broadcast processor, one per node. Its token lives in memory, not
 * in the shared token store, so no node claims it from another, and a (re)started node begins at the head
 * of the stream: it pushes what happens from now on, never the past.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class LiveProcessorConfig {

    @Bean
    ConfigurerModule liveProcessor() {
        return fromHead(LiveLetterPush.GROUP);
    }

    /** A live processor for {@code group}: its token in memory, starting at the head of the stream. */
    public static ConfigurerModule fromHead(String group) {
        return configurer -> configurer.eventProcessing(ep -> ep
                .registerTokenStore(group, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(group, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
