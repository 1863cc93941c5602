package org.saraban.command.store;

/**
 * Makes what this thread has written so far survive a crash before a command is acknowledged.
 * A real MongoDB does this through its write concern (majority, journaled); the embedded server
 * needs an explicit group commit of its store file.
 */
@FunctionalInterface
public interface Durability {

    Durability WRITE_CONCERN = () -> { };

    void awaitDurable();
}
