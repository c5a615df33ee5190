package org.latentmap.model.diffusion;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import org.latentmap.model.Layers;
import org.latentmap.model.ResizeConvolution;

/**
 * A small U-Net noise predictor (Ronneberger et al. 2015 as DDPM uses it, Ho et al. 2020, Appendix B): inputs noised
 * images (N, C, H, W) and their times (N), output the predicted noise. Two levels below the image's resolution
 * (strided 3x3 convolutions down, {@link ResizeConvolution} up, skip connections by concatenation), one
 * {@link ResidualBlock} per level and side, a sinusoidal time embedding through a two-layer network into every block.
 * No attention and no group norm: small enough to train in minutes on 2 cores; H and W must halve twice.
 */
public final class UNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int width;
    private final int imageChannels;
    private final Conv2d in;
    private final Linear timeIn;
    private final Linear timeOut;
    private final ResidualBlock top;
    private final Conv2d down1;
    private final ResidualBlock middle;
    private final Conv2d down2;
    private final ResidualBlock bottom;
    private final ResizeConvolution up2;
    private final ResidualBlock middleUp;
    private final ResizeConvolution up1;
    private final ResidualBlock topUp;
    private final Conv2d out;

    /** A U-Net of {@code width} channels at full resolution and twice that below, for images of {@code imageChannels}. */
    public UNet(int width, int imageChannels) {
        super(VERSION);
        this.width = width;
        this.imageChannels = imageChannels;
        int embedding = 4 * width;
        this.in = addChildBlock("in", Layers.conv3x3(width));
        this.timeIn =
                addChildBlock("timeIn", Linear.builder().setUnits(embedding).build());
        this.timeOut =
                addChildBlock("timeOut", Linear.builder().setUnits(embedding).build());
        this.top = addChildBlock("top", new ResidualBlock(width));
        this.down1 = addChildBlock("down1", strided(2 * width));
        this.middle = addChildBlock("middle", new ResidualBlock(2 * width));
        this.down2 = addChildBlock("down2", strided(2 * width));
        this.bottom = addChildBlock("bottom", new ResidualBlock(2 * width));
        this.up2 = addChildBlock("up2", new ResizeConvolution(2 * width));
        this.middleUp = addChildBlock("middleUp", new ResidualBlock(2 * width));
        this.up1 = addChildBlock("up1", new ResizeConvolution(width));
        this.topUp = addChildBlock("topUp", new ResidualBlock(width));
        Conv2d last = Layers.conv3x3(imageChannels);
        last.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        this.out = addChildBlock("out", last);
    }

    private static Conv2d strided(int channels) {
        return Conv2d.builder()
                .setFilters(channels)
                .setKernelShape(new Shape(3, 3))
                .optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1))
                .build();
    }

    /** x times sigmoid(x), written out so that autograd keeps every factor. */
    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** DDPM's sinusoidal embedding of the times (N) into (N, dim): sines then cosines of t / 10000^(k / (dim / 2)). */
    static NDArray sinusoid(NDArray times, int dim) {
        int half = dim / 2;
        NDManager manager = times.getManager();
        NDArray frequencies = manager.arange(half)
                .toType(DataType.FLOAT32, false)
                .mul(manager.full(new Shape(), (float) (-Math.log(10000) / half)))
                .exp();
        NDArray angles = times.reshape(-1, 1).mul(frequencies.reshape(1, half));
        return angles.sin().concat(angles.cos(), 1);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray e = call(timeIn, store, training, sinusoid(t, width));
        e = call(timeOut, store, training, silu(e));
        NDArray h0 = call(in, store, training, x);
        NDArray h1 = call(top, store, training, h0, e);
        NDArray h2 = call(middle, store, training, call(down1, store, training, h1), e);
        NDArray h3 = call(bottom, store, training, call(down2, store, training, h2), e);
        NDArray u2 = call(up2, store, training, h3);
        NDArray g2 = call(middleUp, store, training, u2.concat(h2, 1), e);
        NDArray u1 = call(up1, store, training, g2);
        NDArray g1 = call(topUp, store, training, u1.concat(h1, 1), e);
        return new NDList(call(out, store, training, silu(g1)));
    }

    private static NDArray call(Block block, ParameterStore store, boolean training, NDArray... inputs) {
        return block.forward(store, new NDList(inputs), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        if (x.dimension() != 4 || x.get(2) % 4 != 0 || x.get(3) % 4 != 0) {
            throw new IllegalArgumentException(
                    "the U-Net halves the image twice, so it needs (N, C, H, W) images with H"
                            + " and W divisible by 4; got " + x);
        }
        long n = x.get(0);
        long h = x.get(2);
        long w = x.get(3);
        Shape embedding = new Shape(n, 4L * width);
        Shape full = new Shape(n, width, h, w);
        Shape half = new Shape(n, 2L * width, h / 2, w / 2);
        Shape quarter = new Shape(n, 2L * width, h / 4, w / 4);
        timeIn.initialize(manager, dataType, new Shape(n, width));
        timeOut.initialize(manager, dataType, embedding);
        in.initialize(manager, dataType, x);
        top.initialize(manager, dataType, full, embedding);
        down1.initialize(manager, dataType, full);
        middle.initialize(manager, dataType, new Shape(n, 2L * width, h / 2, w / 2), embedding);
        down2.initialize(manager, dataType, half);
        bottom.initialize(manager, dataType, quarter, embedding);
        up2.initialize(manager, dataType, quarter);
        middleUp.initialize(manager, dataType, new Shape(n, 4L * width, h / 2, w / 2), embedding);
        up1.initialize(manager, dataType, half);
        topUp.initialize(manager, dataType, new Shape(n, 2L * width, h, w), embedding);
        out.initialize(manager, dataType, full);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream in) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("unsupported U-Net version " + loadVersion);
        }
        readInputShapes(in);
    }

    /** The number of image channels this U-Net predicts noise for. */
    public int imageChannels() {
        return imageChannels;
    }
}
