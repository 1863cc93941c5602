package org.saraban.command.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A key of one of the embedded store's unique indexes (the {@code _id} index of every collection among them) as the
 * index's H2 map keeps it: the server's {@code KeyValue}, made comparable.
 *
 * <p>The server's {@code KeyValue} is not {@code Comparable}, so H2's default type compared two of them by
 * Java-serializing both, at every step of every search of the index: each insert, each lookup by {@code _id}. A
 * profile of the store benchmark put a sixth of the server's time there. This key orders by value: first the number
 * of values, then each value in turn, by its class and then by value (maps and lists field by field, in order). Two
 * keys are equal exactly when their values are of the same classes and equal, field order included, which is when
 * their Java-serialized forms were equal: so an index refuses and finds the same keys as before. The order differs
 * from the stock one, so {@code BsonH2Backend} keeps these maps under names of their own and lets the server build
 * them again from the documents.
 */
record OrderedKey(KeyValue key) implements Comparable<OrderedKey>, Serializable {

    @Override
    public int compareTo(OrderedKey other) {
        if (this == other) {
            return 0;
        }
        return compareSequences(key.size(), key::get, other.key.size(), other.key::get);
    }

    /** Two sequences: the shorter first, then value by value ({@link #compareValues}). */
    private static int compareSequences(int sizeA, java.util.function.IntFunction<Object> a,
                                        int sizeB, java.util.function.IntFunction<Object> b) {
        int c = Integer.compare(sizeA, sizeB);
        for (int i = 0; c == 0 && i < sizeA; i++) {
            c = compareValues(a.apply(i), b.apply(i));
        }
        return c;
    }

    /** A total order in which two values are equal exactly when they are of one class and equal (see above). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Double x) {
            return Double.compare(x, (Double) b); // -0.0 before 0.0, as their serialized forms differ
        }
        if (a instanceof Map<?, ?> x) {
            Map<?, ?> y = (Map<?, ?>) b;
            int c = Integer.compare(x.size(), y.size());
            Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
            while (c == 0 && i.hasNext()) {
                Map.Entry<?, ?> e = i.next();
                Map.Entry<?, ?> f = j.next();
                c = compareValues(e.getKey(), f.getKey());
                if (c == 0) {
                    c = compareValues(e.getValue(), f.getValue());
                }
            }
            return c;
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            return compareSequences(x.size(), x::get, y.size(), y::get);
        }
        if (a instanceof byte[] x) {
            return java.util.Arrays.compareUnsigned(x, (byte[]) b);
        }
        if (a instanceof Comparable x) {
            int c = x.compareTo(b);
            // a class whose order calls different values equal (a decimal's 1.0 and 1.00): their bytes decide
            return c != 0 || a.equals(b) ? c : compareSerialized(a, b);
        }
        return a.equals(b) ? 0 : compareSerialized(a, b);
    }

    /** The Java-serialized forms' order: only for classes the cases above do not handle. */
    private static int compareSerialized(Object a, Object b) {
        return java.util.Arrays.compareUnsigned(serialized(a), serialized(b));
    }

    private static byte[] serialized(Object value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
