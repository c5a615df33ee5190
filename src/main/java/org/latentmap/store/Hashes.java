package org.latentmap.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentmap.linalg.CodeMatrix;

/** SHA-256 in hex of what stored numbers depend on: texts, codes made in this run, chosen image indices. */
public final class Hashes {
    private Hashes() {}

    /** SHA-256 of a text: names stored files after everything their numbers depend on. */
    public static String sha256(String text) {
        return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of codes' values and shape: keys numbers computed from codes made in this run. */
    public static String sha256(CodeMatrix codes) {
        MessageDigest digest = digest();
        int width = codes.width();
        ByteBuffer row = ByteBuffer.allocate(4 * width + 4).order(ByteOrder.LITTLE_ENDIAN);
        digest.update(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(codes.size())
                .array());
        for (int i = 0; i < codes.size(); i++) {
            row.clear();
            row.putInt(width);
            row.asFloatBuffer().put(codes.row(i));
            digest.update(row.array(), 0, 4 + 4 * width);
        }
        return hex(digest.digest());
    }

    /** SHA-256 of indices: keys numbers computed from a chosen subset of images. */
    public static String sha256(int[] indices) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * indices.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(indices.length);
        bytes.asIntBuffer().put(indices);
        return hex(digest().digest(bytes.array()));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
