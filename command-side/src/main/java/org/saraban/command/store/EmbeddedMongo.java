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
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store (DESIGN.md §2): a MongoDB wire-protocol server in this process, reached
 * through the real driver. As shipped it loses the last second of writes on a hard kill, so this class
 * owns the H2 MVStore: auto-commit is off; queries share a lock while every change takes it alone; and
 * a group commit takes it alone too, so each commit captures the store between changes, never in the
 * middle of one. A command is acknowledged only after a commit that began after its writes
 * ({@link #awaitDurable()}). The file is compacted at start and stop.
 */
public final class EmbeddedMongo implements Durability, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final long IDLE_COMMIT_MILLIS = 200;
    private static final int COMPACT_BELOW_FILL_RATE = 50;
    private static final int COMPACT_MAX_MILLIS = 60_000;

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
        if (store != null) {
            compact(store, COMPACT_MAX_MILLIS);
        }
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
        // no background commits, and none when unsaved memory fills up either: a commit in the middle of an
        // operation would keep half of it
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).open();
        log.info("embedded MongoDB store at {}", file.toAbsolutePath());
        return new EmbeddedMongo(store, BsonH2Backend.on(store), host, port);
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

    /**
     * MVStore's own housekeeping runs only in its auto-commit thread, which is off (see above), so the
     * file only grows while the server runs. It is compacted when the server starts and when it stops,
     * when no operation can run: live pages move out of chunks that are mostly garbage and the file is
     * truncated (DESIGN.md §2: 238 MB for 4k events otherwise).
     */
    private static void compact(MVStore store, int maxMillis) {
        if (store.getFileStore().getChunksFillRate() < COMPACT_BELOW_FILL_RATE) {
            int retention = store.getRetentionTime();
            long before = store.getFileStore().size();
            store.compactFile(maxMillis);
            store.setRetentionTime(retention); // compactFile drops it to 0 for good: keep that to compaction
            log.info("compacted the embedded store from {} MB to {} MB", before >> 20, store.getFileStore().size() >> 20);
        }
    }

    /**
     * The server's own locking lets a query and an update of the same document run at once, and it
     * updates documents in place, so a reply could be read while it changes (seen as
     * ConcurrentModificationException). Here queries share the lock, every change takes it alone (as a
     * commit does), and a query's reply is copied before the lock is released.
     */
    private MongoBackend lockingProxy(MongoBackend backend) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean query = isQuery(method.getName(), args);
            java.util.concurrent.locks.Lock held = query ? lock.readLock() : lock.writeLock();
            held.lock();
            try {
                Object result = method.invoke(backend, args);
                return query && result instanceof de.bwaldvogel.mongo.bson.Document d ? d.cloneDeeply() : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                held.unlock();
            }
        };
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, handler);
    }

    private static final java.util.Set<String> QUERIES = java.util.Set.of("find", "aggregate", "getmore", "count", "distinct",
            "listcollections", "listindexes", "ping", "hello", "ismaster", "buildinfo", "dbstats", "collstats",
            "serverstatus", "getparameter", "connectionstatus", "getlog", "hostinfo", "whatsmyuri");

    private static boolean isQuery(String method, Object[] args) {
        String command = switch (method) {
            case "handleQuery", "getServerStatus", "getCurrentOperations", "getClock" -> "find";
            case "handleMessage" -> firstKey(((de.bwaldvogel.mongo.wire.message.MongoMessage) args[0]).getDocument());
            case "handleCommand" -> (String) args[2];
            default -> null;
        };
        return command != null && QUERIES.contains(command.toLowerCase(java.util.Locale.ROOT));
    }

    private static String firstKey(de.bwaldvogel.mongo.bson.Document d) {
        return d == null || d.isEmpty() ? null : d.keySet().iterator().next();
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
        server.stopListening();
        if (store != null) {
            lock.writeLock().lock();
            try {
                store.commit();
                compact(store, COMPACT_MAX_MILLIS);
            } finally {
                lock.writeLock().unlock();
            }
        }
        // closing the backend closes the MVStore, which stores what is not committed yet
        server.shutdownNow();
    }
}
