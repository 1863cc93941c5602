package org.saraban.command.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a collection's documents in its H2 file: as BSON, the bytes MongoDB
 * itself keeps and the wire carries, instead of H2's default, Java serialization of the server's
 * document objects (a new object stream, with its class descriptors, for every document). The
 * server already encodes and decodes exactly these documents as BSON on the wire, so a document
 * comes back as it went in: same fields in the same order, same types.
 *
 * <p>A value is one tag byte, {@link #TAG}, then the BSON document. Files written before this type
 * hold Java-serialized documents, each starting with one of H2's own tags; those are still read,
 * through H2's {@link ObjectDataType}, and are written back as BSON when their page is next
 * written. {@link #TAG} is a byte H2's type never writes (its tags are 0–14, 19, 32–49 and
 * 64–119), so the two cannot be confused.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** The first byte of a value stored as BSON. */
    static final byte TAG = 30;

    private final ObjectDataType javaSerialized = new ObjectDataType();

    /**
     * What a document is taken to weigh in the store's cache, as H2's type does it: twice its stored
     * size, averaged over the documents written and read lately (measuring each one would mean
     * encoding it).
     */
    private volatile int averageMemory = 2_048;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(averageMemory / 2 + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            weigh(length);
            buff.put(TAG);
            if (bson.hasArray()) {
                buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            } else {
                byte[] bytes = new byte[length];
                bson.readBytes(bytes);
                buff.put(bytes);
            }
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG) {
            return (Document) javaSerialized.read(buff);
        }
        buff.get();
        int start = buff.position();
        int length = buff.order() == ByteOrder.LITTLE_ENDIAN ? buff.getInt(start)
                : Integer.reverseBytes(buff.getInt(start)); // BSON's length is little-endian
        ByteBuf bson = Unpooled.wrappedBuffer(buff.duplicate().position(start).limit(start + length).slice());
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(start + length);
        weigh(length);
        return document;
    }

    private void weigh(int storedLength) {
        averageMemory = (int) ((2L * storedLength + 15L * averageMemory) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
