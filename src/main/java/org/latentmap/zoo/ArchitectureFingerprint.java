package org.latentmap.zoo;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Network;
import org.latentmap.train.Trainable;

/**
 * What a freshly built model and its training are, as a short hash the zoo keys cached models by: every
 * network's name, its blocks as DJL describes them (layer kinds, kernels, strides, activations, input
 * shapes) and every parameter's name and shape, plus the training's {@link Trainable#recipe() recipe}.
 * A change to any of these gives another fingerprint, and the zoo trains the model again: no version
 * number to remember to bump.
 */
public final class ArchitectureFingerprint {
    private ArchitectureFingerprint() {}

    /** The text the fingerprint hashes, readable: one line per network and parameter, then the recipe. */
    public static String describe(LatentModel model, Trainable training) {
        StringBuilder text = new StringBuilder();
        for (Network network : model.networks()) {
            text.append("network ")
                    .append(network.name())
                    .append('\n')
                    .append(network.block())
                    .append('\n');
            for (Pair<String, Parameter> parameter : network.block().getParameters()) {
                text.append("  ")
                        .append(parameter.getKey())
                        .append(' ')
                        .append(parameter.getValue().getArray().getShape())
                        .append('\n');
            }
        }
        return text.append("training ").append(training.recipe()).toString();
    }

    /** The first 12 hexadecimal digits of the SHA-256 of {@link #describe}. */
    public static String of(LatentModel model, Trainable training) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(describe(model, training).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
