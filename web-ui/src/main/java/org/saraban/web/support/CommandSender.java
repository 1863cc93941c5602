package org.saraban.web.support;

import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.saraban.command.store.AppendedPositions;
import org.saraban.web.config.StorageConfig;
import org.springframework.stereotype.Component;

/**
 * Sends a command in the caller's thread and returns only when its events are durable: the
 * acknowledgement a client gets means the command is stored (never lose an acknowledged command).
 * A write that lost an optimistic-concurrency race (another node, same aggregate) is retried.
 */
@Component
public class CommandSender {

    private static final int ATTEMPTS = 8;

    private final CommandGateway gateway;
    private final StorageConfig.Store store;

    public CommandSender(CommandGateway gateway, StorageConfig.Store store) {
        this.gateway = gateway;
        this.store = store;
    }

    /** What a command returned and the global positions it appended, per aggregate. */
    public record Sent<R>(R result, Map<String, Long> positions) {
        public long positionOf(String aggregateId) {
            return positions.getOrDefault(aggregateId, 0L);
        }

        /**
         * Hands {@code awaitView} the position the command appended to {@code aggregateId}, for the caller to wait
         * until its view reflects it; false, and nothing waited for, when the command appended nothing there.
         */
        public boolean awaitView(String aggregateId, java.util.function.LongConsumer awaitView) {
            long position = positionOf(aggregateId);
            if (position <= 0) {
                return false;
            }
            awaitView.accept(position);
            return true;
        }
    }

    public <R> Sent<R> send(Object command) {
        for (int attempt = 1; ; attempt++) {
            AppendedPositions.reset();
            try {
                R result = gateway.sendAndWait(command);
                store.durability().awaitDurable();
                return new Sent<>(result, AppendedPositions.snapshot());
            } catch (ConflictingAggregateVersionException e) {
                throw e; // the client's If-Match is stale: theirs to resolve
            } catch (ConcurrencyException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                backoff(attempt);
            } catch (CommandExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            } finally {
                AppendedPositions.reset();
            }
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
