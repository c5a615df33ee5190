package org.latentmap.model.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * StyleGAN's synthesis network, small (paper Sect. 7): a learned constant of {@code channels[0]} maps at
 * {@code side} x {@code side} instead of an input from the code, one {@link StyleLayer} at that size, then
 * one upsampling {@link StyleLayer} per further entry of {@code channels}, each steered by w; a 1x1
 * convolution and tanh give the image in [-1, 1]. Takes w (N, size); gives images (N, C, H, W).
 */
public final class StyleSynthesis extends AbstractBlock {
    private final int side;
    private final int imageChannels;
    private final int[] channels;
    private final Parameter constant;
    private final List<StyleLayer> layers = new ArrayList<>();
    private final Conv2d toImage;

    public StyleSynthesis(int side, int[] channels, int imageChannels) {
        if (channels.length < 1 || side < 1) {
            throw new IllegalArgumentException("a synthesis network needs a side >= 1 and at least one layer");
        }
        this.side = side;
        this.imageChannels = imageChannels;
        this.channels = channels.clone();
        this.constant = addParameter(Parameter.builder()
                .setName("constant")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(channels[0], side, side))
                .optInitializer(Initializer.ONES)
                .build());
        for (int i = 0; i < channels.length; i++) {
            layers.add(addChildBlock("layer" + i, new StyleLayer(channels[i], i > 0)));
        }
        this.toImage = addChildBlock(
                "toImage",
                Conv2d.builder()
                        .setFilters(imageChannels)
                        .setKernelShape(new Shape(1, 1))
                        .build());
    }

    /** Switches the per-pixel noise of every layer on or off. */
    public void noise(boolean on) {
        layers.forEach(layer -> layer.noise(on));
    }

    public List<StyleLayer> layers() {
        return List.copyOf(layers);
    }

    /** The side of the images made: the constant's side doubled once per upsampling layer. */
    public int imageSide() {
        return side << (channels.length - 1);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray w = inputs.singletonOrThrow();
        long n = w.getShape().get(0);
        // zeros + constant rather than the constant broadcast: results belong to the first operand's manager, so
        // every activation after this one is freed with w's, not kept with the model's parameters
        NDArray features = w.getManager()
                .zeros(new Shape(n, channels[0], side, side))
                .add(store.getValue(constant, w.getDevice(), training));
        for (StyleLayer layer : layers) {
            features = layer.forward(store, new NDList(features, w), training).singletonOrThrow();
        }
        return new NDList(Activation.tanh(
                toImage.forward(store, new NDList(features), training).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {new Shape(n, imageChannels, imageSide(), imageSide())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape w = inputShapes[0];
        Shape features = new Shape(w.get(0), channels[0], side, side);
        for (StyleLayer layer : layers) {
            layer.initialize(manager, dataType, features, w);
            features = layer.getOutputShapes(new Shape[] {features, w})[0];
        }
        toImage.initialize(manager, dataType, features);
    }
}
