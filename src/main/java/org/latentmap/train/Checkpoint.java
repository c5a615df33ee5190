package org.latentmap.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.latentmap.AtomicFile;

/**
 * A training's state on disk: what it is (a description of model, plan and data that must match to
 * resume), how far it got, its loss history and the trainable's parameters and optimizer moments. Written
 * to a temporary file in the same folder and then renamed over the old one, so a run killed while writing
 * leaves the previous checkpoint whole.
 */
public final class Checkpoint {
    private static final int MAGIC = 0x4c4d434b; // "LMCK"
    private static final int VERSION = 1;

    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private Checkpoint() {}

    /**
     * SHA-256 of a checkpoint's bytes, in hex, hashed once per process while its size and modification time stay:
     * what stored codes are keyed by and what the reproducibility record compares.
     */
    public static String sha256(Path checkpoint) {
        try {
            String id = checkpoint.toAbsolutePath() + "|" + Files.size(checkpoint) + "|"
                    + Files.getLastModifiedTime(checkpoint).toMillis();
            String known = HASHES.get(id);
            if (known != null) {
                return known;
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(checkpoint)) {
                byte[] chunk = new byte[1 << 20];
                for (int read; (read = in.read(chunk)) > 0; ) {
                    digest.update(chunk, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            HASHES.put(id, hash);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** A checkpoint that cannot be read back (truncated, not a checkpoint, another format). */
    public static final class Unreadable extends java.io.UncheckedIOException {
        public Unreadable(Path file, IOException cause) {
            super("cannot read the checkpoint " + file + ": " + cause.getMessage(), cause);
        }
    }

    /** What a checkpoint says about itself, read without loading the parameters. */
    public record Header(String description, long step, long totalSteps) {
        public boolean finished() {
            return step >= totalSteps;
        }
    }

    public static void write(Path file, Header header, LossHistory history, Trainable trainable) throws IOException {
        AtomicFile.write(file, channel -> {
            DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(header.description());
            out.writeLong(header.step());
            out.writeLong(header.totalSteps());
            history.save(out);
            trainable.save(out);
            out.flush(); // the channel is forced and closed by AtomicFile
        });
    }

    public static Header header(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            return readHeader(file, in);
        }
    }

    /** Loads the history and the trainable's state; returns the header. */
    public static Header read(Path file, LossHistory history, Trainable trainable) throws IOException {
        try (DataInputStream in = open(file)) {
            Header header = readHeader(file, in);
            history.load(in);
            trainable.load(in);
            return header;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    }

    private static Header readHeader(Path file, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(file + " is not a latentmap checkpoint: delete it to train again");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(file + " is a checkpoint of format " + version + ", this latentmap reads " + VERSION
                    + ": delete it to train again");
        }
        return new Header(in.readUTF(), in.readLong(), in.readLong());
    }
}
