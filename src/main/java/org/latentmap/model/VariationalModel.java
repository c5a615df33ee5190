package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * What the two VAEs of paper Sect. 4.2 share: an encoder giving the posterior's mean and log-variance
 * side by side, a decoder, and {@link #encode} as the posterior mean. Subclasses say how the decoder's
 * output becomes an image.
 */
public abstract class VariationalModel implements LatentModel {
    private final String name;
    private final int latentSize;
    private final Network encoder;
    private final Network decoder;

    protected VariationalModel(String name, int latentSize, Network encoder, Network decoder) {
        this.name = name;
        this.latentSize = latentSize;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** Mean and log-variance of the posterior, each (N, latentSize). */
    public NDList posterior(NDArray images, boolean training) {
        NDArray both = encoder.forward(images, training);
        return new NDList(both.get(":, :" + latentSize), both.get(":, " + latentSize + ":"));
    }

    /** Images from codes, in training mode (batch statistics) or not. */
    public abstract NDArray decode(NDArray codes, boolean training);

    @Override
    public NDArray encode(NDArray images) {
        return posterior(images, false).get(0);
    }

    @Override
    public NDArray decode(NDArray codes) {
        return decode(codes, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int latentSize() {
        return latentSize;
    }

    @Override
    public List<Network> networks() {
        return List.of(encoder, decoder);
    }

    public Network encoder() {
        return encoder;
    }

    public Network decoder() {
        return decoder;
    }
}
