package org.latentmap.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.latentmap.AtomicFile;

/**
 * The file a {@link ValueStore} keeps numbers in: a header ("LMCS", the format's version), the key the numbers
 * were made under, their length, the little-endian bytes and a CRC-32 of them; written to a temporary name and
 * renamed ({@link AtomicFile}), so a killed run leaves no half file.
 */
final class StoredFile {
    private static final int MAGIC = 0x4c4d4353; // "LMCS"
    private static final int VERSION = 1;

    private StoredFile() {}

    /**
     * The stored bytes (little-endian), or null when the file was made under another key or format version; throws
     * when it is damaged. {@code bytes} -1 takes any whole count of 8-byte values.
     */
    static ByteBuffer read(Path file, String key, int bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, "its header");
            if (head.getInt() != MAGIC) {
                throw new IOException("not a latentmap stored-values file");
            }
            if (head.getInt() != VERSION) {
                return null; // written by another version of this format: stale, not damaged
            }
            int keyLength = head.getInt();
            if (keyLength < 0 || keyLength > 65536) {
                throw new IOException("a key of " + keyLength + " bytes");
            }
            ByteBuffer keyBytes = ByteBuffer.allocate(keyLength);
            readFully(channel, keyBytes, "its key");
            if (!new String(keyBytes.array(), StandardCharsets.UTF_8).equals(key)) {
                return null;
            }
            ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, sizes, "its size");
            int stored = sizes.getInt();
            long expected = 12L + keyLength + 4 + (long) stored + 8;
            if ((bytes >= 0 ? stored != bytes : stored < 0 || stored % 8 != 0) || length != expected) {
                throw new IOException(
                        "it is " + length + " bytes long and says it holds " + stored + " bytes of values, where "
                                + bytes + " bytes of values make a file of " + (12L + keyLength + 4 + bytes + 8));
            }
            ByteBuffer data = ByteBuffer.allocate(stored + 8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, data, "its values");
            CRC32 crc = new CRC32();
            crc.update(data.array(), 0, stored);
            if (data.getLong(stored) != crc.getValue()) {
                throw new IOException("its checksum does not match its values");
            }
            return data.limit(stored).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Writes {@code values} under {@code key}, atomically. */
    static void write(Path file, String key, ByteBuffer values) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int bytes = values.remaining();
        ByteBuffer buffer =
                ByteBuffer.allocate(12 + keyBytes.length + 4 + bytes + 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC)
                .putInt(VERSION)
                .putInt(keyBytes.length)
                .put(keyBytes)
                .putInt(bytes);
        int dataStart = buffer.position();
        buffer.put(values);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), dataStart, bytes);
        buffer.putLong(crc.getValue());
        buffer.flip();
        AtomicFile.write(file, channel -> {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, String what) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("it ends inside " + what);
            }
        }
        buffer.flip();
    }
}
