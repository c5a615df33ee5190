package org.latentmap.model.style;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.latentmap.model.Layers;
import org.latentmap.model.NearestUpsampling;

/**
 * One layer of a StyleGAN synthesis network (paper Sect. 7): optional nearest-neighbour upsampling by 2, a
 * 3x3 convolution, per-pixel noise scaled by a learned strength per channel (starting at 0, as in StyleGAN),
 * LeakyReLU 0.2, then {@link AdaIn} with a style computed from w by a dense layer (scale 1 + s, shift t).
 * Takes the features and w; gives the new features.
 */
public final class StyleLayer extends AbstractBlock {
    private final int channels;
    private final boolean upsample;
    private final Conv2d conv;
    private final Linear style;
    private final Parameter noiseStrength;
    private boolean noise = true;

    public StyleLayer(int channels, boolean upsample) {
        this.channels = channels;
        this.upsample = upsample;
        this.conv = addChildBlock("conv", Layers.conv3x3(channels));
        this.style =
                addChildBlock("style", Linear.builder().setUnits(2L * channels).build());
        this.noiseStrength = addParameter(Parameter.builder()
                .setName("noiseStrength")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(channels))
                .optInitializer(Initializer.ZEROS)
                .build());
    }

    /** Whether fresh noise is added (on by default); off makes the layer a deterministic function of its inputs. */
    public void noise(boolean on) {
        this.noise = on;
    }

    public boolean noise() {
        return noise;
    }

    /** The learned noise strength per channel. */
    public Parameter noiseStrength() {
        return noiseStrength;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray features = inputs.get(0);
        NDArray w = inputs.get(1);
        if (upsample) {
            features = NearestUpsampling.twice(features);
        }
        features = conv.forward(store, new NDList(features), training).singletonOrThrow();
        Shape shape = features.getShape();
        if (noise) {
            NDArray strength = store.getValue(noiseStrength, features.getDevice(), training)
                    .reshape(1, channels, 1, 1);
            strength.attach(features.getManager()); // a view of the parameter, freed with this forward's arrays
            NDArray pixels = features.getManager().randomNormal(new Shape(shape.get(0), 1, shape.get(2), shape.get(3)));
            features = features.add(pixels.mul(strength));
        }
        features = Activation.leakyRelu(features, 0.2f);
        NDArray styles = style.forward(store, new NDList(w), training).singletonOrThrow();
        NDArray scale = styles.get(new NDIndex(":, :{}", channels)).add(scalar(styles, 1f));
        NDArray shift = styles.get(new NDIndex(":, {}:", channels));
        return new NDList(AdaIn.apply(features, scale, shift));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        int factor = upsample ? 2 : 1;
        return new Shape[] {new Shape(in.get(0), channels, in.get(2) * factor, in.get(3) * factor)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        int factor = upsample ? 2 : 1;
        conv.initialize(manager, dataType, new Shape(in.get(0), in.get(1), in.get(2) * factor, in.get(3) * factor));
        style.initialize(manager, dataType, inputShapes[1]);
    }
}
