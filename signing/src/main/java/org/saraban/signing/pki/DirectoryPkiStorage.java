package org.saraban.signing.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One file per blob under a root directory; writes go to a temporary file first and are moved into place. */
public final class DirectoryPkiStorage implements PkiStorage {

    private final Path root;

    public DirectoryPkiStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(name)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        // atomic so a crash mid-write leaves the previous CA state readable, not a truncated key file
        staged(name, content, (temp, target) -> {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        });
    }

    @Override
    public boolean create(String name, byte[] content) throws IOException {
        // a hard link fails if the target exists, and appears complete or not at all
        return staged(name, content, (temp, target) -> {
            try {
                Files.createLink(target, temp);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        });
    }

    private interface Publish {
        boolean publish(Path temp, Path target) throws IOException;
    }

    /** Writes {@code content} to a temporary file beside the target, then lets {@code publish} put it in place. */
    private boolean staged(String name, byte[] content, Publish publish) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temp, content);
            return publish.publish(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(n -> !n.contains("/.tmp-") && !n.startsWith(".tmp-"))
                    .filter(n -> n.startsWith(prefix))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path resolve(String name) {
        Path path = root.resolve(PkiStorage.checkName(name)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage name escapes the root: " + name);
        }
        return path;
    }
}
