package org.saraban.command.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store (DESIGN.md §2): a MongoDB wire-protocol server in this process, reached
 * through the real driver. As shipped it loses the last second of writes on a hard kill, so this class
 * owns the H2 MVStore: auto-commit is off, every server operation runs under a shared lock, and a
 * group commit takes the exclusive lock, so each commit captures the store between operations, never
 * in the middle of one. A command is acknowledged only after a commit that began after its writes
 * ({@link #awaitDurable()}).
 */
public final class EmbeddedMongo implements Durability, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final long IDLE_COMMIT_MILLIS = 200;
    private static final long COMPACT_EVERY_MILLIS = 60_000;

    private final MongoServer server;
    private final MVStore store;
    private final InetSocketAddress address;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object monitor = new Object();
    private final Thread committer;
    private long commitsStarted;
    private long commitsDone;
    private boolean commitRequested;
    private volatile boolean closed;

    private EmbeddedMongo(MVStore store, MongoBackend backend, String host, int port) {
        this.store = store;
        this.server = new MongoServer(lockingProxy(backend));
        server.bind(host, port);
        this.address = server.getLocalAddress();
        if (store != null) {
            committer = new Thread(this::commitLoop, "embedded-mongo-committer");
            committer.setDaemon(true);
            committer.start();
        } else {
            committer = null;
        }
    }

    /** A durable server with its files under {@code dataDir}. */
    public static EmbeddedMongo onDisk(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dataDir.resolve("saraban.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        log.info("embedded MongoDB store at {}", file.toAbsolutePath());
        return new EmbeddedMongo(store, new H2Backend(store), host, port);
    }

    /** A server that keeps everything in memory: for tests. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(null, new MemoryBackend(), "127.0.0.1", 0);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    public boolean durable() {
        return store != null;
    }

    @Override
    public void awaitDurable() {
        if (store == null || closed) {
            return;
        }
        synchronized (monitor) {
            long needed = commitsStarted + 1;
            commitRequested = true;
            monitor.notifyAll();
            while (commitsDone < needed && !closed) {
                try {
                    monitor.wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a durable commit", e);
                }
            }
        }
    }

    private void commitLoop() {
        long lastCompact = System.currentTimeMillis();
        while (!closed) {
            long generation;
            synchronized (monitor) {
                if (!commitRequested) {
                    try {
                        monitor.wait(IDLE_COMMIT_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                commitRequested = false;
                generation = ++commitsStarted;
            }
            lock.writeLock().lock();
            try {
                if (closed) {
                    return;
                }
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
                if (System.currentTimeMillis() - lastCompact > COMPACT_EVERY_MILLIS) {
                    // keep the file from growing without bound (DESIGN.md §2: no compaction seen otherwise)
                    store.compact(80, 16 * 1024 * 1024);
                    lastCompact = System.currentTimeMillis();
                }
            } catch (RuntimeException e) {
                log.error("embedded store commit failed", e);
            } finally {
                lock.writeLock().unlock();
            }
            synchronized (monitor) {
                commitsDone = generation;
                monitor.notifyAll();
            }
        }
    }

    private MongoBackend lockingProxy(MongoBackend backend) {
        InvocationHandler handler = (proxy, method, args) -> {
            lock.readLock().lock();
            try {
                return method.invoke(backend, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                lock.readLock().unlock();
            }
        };
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, handler);
    }

    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        if (committer != null) {
            try {
                committer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // closing the backend closes the MVStore, which stores what is not committed yet
        server.shutdownNow();
    }
}
