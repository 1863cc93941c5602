package org.saraban.signing.pki;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the internal CA, the TSA and the per-person keys keep their state: named blobs, nothing more, so
 * the web layer can back it with MongoDB/GridFS and this library needs neither.
 *
 * <p>Names are relative, '/'-separated, made of {@code [A-Za-z0-9._-]} segments (see {@link #checkName}).
 * Private keys are only ever handed to a store inside password-protected PKCS#12 files.
 */
public interface PkiStorage {

    Optional<byte[]> read(String name) throws IOException;

    /** Replaces the blob as a whole: a reader sees the old or the new content, never a mix. */
    void write(String name, byte[] content) throws IOException;

    /**
     * Writes only if nothing is stored under {@code name} yet, atomically, so two nodes starting at once
     * cannot both create a root CA.
     *
     * @return false if the name was already taken (the stored content is left as it was)
     */
    boolean create(String name, byte[] content) throws IOException;

    /** Names that start with {@code prefix}, in no particular order. */
    List<String> list(String prefix) throws IOException;

    /** Refuses names that could escape a directory or that a store could not key on. */
    static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || name.startsWith("/") || name.endsWith("/")) {
            throw new IllegalArgumentException("storage name must be 1..200 characters, relative: " + name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !segment.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("storage name segment not allowed: " + name);
            }
        }
        return name;
    }
}
