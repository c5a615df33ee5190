package org.latentmap.model.diffusion;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import org.latentmap.model.Layers;

/**
 * The U-Net's residual block with the time in it (DDPM's, Ho et al. 2020, Appendix B, without group norm): h =
 * conv(silu(x)) + a projection of the time embedding per channel, out = conv(silu(h)) + x (through a 1x1
 * convolution when the channel count changes). Inputs: images (N, C, H, W) and the embedding (N, E).
 */
public final class ResidualBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int channels;
    private final Conv2d first;
    private final Conv2d second;
    private final Linear time;
    private Conv2d skip;

    /** A block to {@code channels} output channels. */
    public ResidualBlock(int channels) {
        super(VERSION);
        this.channels = channels;
        this.first = addChildBlock("first", Layers.conv3x3(channels));
        this.second = addChildBlock("second", Layers.conv3x3(channels));
        this.time = addChildBlock("time", Linear.builder().setUnits(channels).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray embedding = inputs.get(1);
        long n = x.getShape().get(0);
        NDArray h = first.forward(store, new NDList(UNet.silu(x)), training).singletonOrThrow();
        NDArray shift = time.forward(store, new NDList(UNet.silu(embedding)), training)
                .singletonOrThrow()
                .reshape(n, channels, 1, 1);
        h = second.forward(store, new NDList(UNet.silu(h.add(shift))), training).singletonOrThrow();
        NDArray through =
                skip == null ? x : skip.forward(store, new NDList(x), training).singletonOrThrow();
        return new NDList(h.add(through));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape x = inputs[0];
        return new Shape[] {new Shape(x.get(0), channels, x.get(2), x.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        if (x.get(1) != channels && skip == null) {
            skip = addChildBlock(
                    "skip",
                    Conv2d.builder()
                            .setFilters(channels)
                            .setKernelShape(new Shape(1, 1))
                            .build());
        }
        first.initialize(manager, dataType, x);
        Shape inner = new Shape(x.get(0), channels, x.get(2), x.get(3));
        second.initialize(manager, dataType, inner);
        time.initialize(manager, dataType, inputShapes[1]);
        if (skip != null) {
            skip.initialize(manager, dataType, x);
        }
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream in) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("unsupported residual-block version " + loadVersion);
        }
        readInputShapes(in);
    }
}
