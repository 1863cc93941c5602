package org.saraban.signing.pki;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** For tests and throw-away demos: state lives as long as this object. */
public final class InMemoryPkiStorage implements PkiStorage {

    private final ConcurrentMap<String, byte[]> blobs = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> read(String name) {
        return Optional.ofNullable(blobs.get(PkiStorage.checkName(name))).map(byte[]::clone);
    }

    @Override
    public void write(String name, byte[] content) {
        blobs.put(PkiStorage.checkName(name), content.clone());
    }

    @Override
    public boolean create(String name, byte[] content) {
        return blobs.putIfAbsent(PkiStorage.checkName(name), content.clone()) == null;
    }

    @Override
    public List<String> list(String prefix) {
        return blobs.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
    }
}
