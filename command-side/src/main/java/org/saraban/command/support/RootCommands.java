package org.saraban.command.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Commands sent by an event handler, each handled in a unit of work of its own, and stored before it returns.
 *
 * <p>Sent from the thread of a tracking processor, a command's unit of work would be nested in the processor's
 * one, and Axon then stores its events in the processor's prepare-commit phase, after the processor's token. A kill
 * between the two left the token past an event whose effect was never stored: the crash test found an acknowledged
 * dispatch never delivered. On a thread of its own the command commits, events stored, before the handler goes on,
 * so the token can only follow them. A failure is thrown to the handler as it was, and stops the processor.
 */
public final class RootCommands {

    private final CommandGateway gateway;
    private final ExecutorService thread;

    public RootCommands(CommandGateway gateway, String name) {
        this.gateway = gateway;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public <R> R sendAndWait(Object command) {
        try {
            return CompletableFuture.supplyAsync(() -> gateway.<R>sendAndWait(command), thread).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
