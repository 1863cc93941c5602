package org.saraban.command.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/** A unique index of the embedded store over an H2 map whose keys are {@link OrderedKey}s. */
final class UniqueKeys extends AbstractUniqueIndex<Object> {

    private final MVMap<OrderedKey, Object> map;

    UniqueKeys(MVMap<OrderedKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(new OrderedKey(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(new OrderedKey(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> map.entrySet().stream()
                .map(e -> Map.entry(e.getKey().key(), e.getValue())).iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(new OrderedKey(key));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
