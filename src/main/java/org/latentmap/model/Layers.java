package org.latentmap.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * The few layer patterns the paper's networks are made of (Sect. 4.2): strided 4x4 convolutions that halve
 * the resolution, pixel-shuffle upsampling that doubles it (standing in for the transposed convolutions
 * DJL's PyTorch engine lacks), residual blocks, and the dense layers between an image and its code.
 */
public final class Layers {

    private Layers() {}

    /** A 4x4 convolution with stride 2 (halves height and width), batch norm, then the activation. */
    public static SequentialBlock down(int channels, Block activation, boolean batchNorm) {
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder()
                        .setFilters(channels)
                        .setKernelShape(new Shape(4, 4))
                        .optStride(new Shape(2, 2))
                        .optPadding(new Shape(1, 1))
                        .build());
        if (batchNorm) {
            block.add(BatchNorm.builder().build());
        }
        return block.add(activation);
    }

    /** Pixel-shuffle upsampling to {@code channels} (doubles height and width), batch norm, ReLU. */
    public static SequentialBlock up(int channels) {
        return new SequentialBlock()
                .add(PixelShuffle.upsample2x(channels))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    /**
     * Nearest-neighbour upsampling by 2, a 3x3 convolution to {@code channels}, batch norm, ReLU: the
     * resize-convolution of Odena, Dumoulin and Olah (2016), free of the checkerboard patterns that
     * sub-pixel upsampling starts with. Computed as {@link ResizeConvolution}, without the upsampled map.
     */
    public static SequentialBlock resizeUp(int channels) {
        return new SequentialBlock()
                .add(new ResizeConvolution(channels))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    /** Nearest-neighbour upsampling by 2, a 3x3 convolution to {@code channels}, then tanh: the GAN's last layer. */
    public static SequentialBlock resizeToImage(int channels) {
        return new SequentialBlock().add(new ResizeConvolution(channels)).add(Activation.tanhBlock());
    }

    /**
     * The last layer of the VAEs' decoders: a 3x3 convolution to 4 x {@code channels} maps, a pixel
     * shuffle that doubles the resolution, then a sigmoid. Doubling here rather than with one more
     * {@link #up} block spares the most expensive convolution at full resolution.
     */
    public static SequentialBlock toImage(int channels) {
        return new SequentialBlock().add(PixelShuffle.upsample2x(channels)).add(Activation.sigmoidBlock());
    }

    /** A 3x3 convolution with padding 1. */
    public static Conv2d conv3x3(int channels) {
        return Conv2d.builder()
                .setFilters(channels)
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .build();
    }

    /**
     * Appends {@code extra} channels of zeros to a (N, C, H, W) input, for a convolution whose input count the engine
     * mishandles ({@link org.latentmap.engine.ConvolutionChannels}): the weights they meet see only zeros.
     */
    public static Block zeroChannels(int extra) {
        if (extra < 1) {
            throw new IllegalArgumentException("zero channels to append: at least 1, not " + extra);
        }
        return new LambdaBlock(
                inputs -> {
                    NDArray x = inputs.singletonOrThrow();
                    Shape s = x.getShape();
                    NDArray zeros =
                            x.getManager().zeros(new Shape(s.get(0), extra, s.get(2), s.get(3)), x.getDataType());
                    return new NDList(x.concat(zeros, 1));
                },
                "zeroChannels");
    }

    /** x + f(x), f = BN, ReLU, conv 3x3, BN, ReLU, conv 3x3 (pre-activation residual block, channels kept). */
    public static Block residual(int channels) {
        SequentialBlock body = new SequentialBlock()
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(conv3x3(channels))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(conv3x3(channels));
        return new ParallelBlock(
                outputs -> new NDList(
                        outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(body, Blocks.identityBlock()));
    }

    /** Flattens the feature maps and maps them to {@code units} numbers. */
    public static SequentialBlock dense(int units) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(units).build());
    }

    /** Maps a code to {@code channels} feature maps of {@code side} x {@code side}, then BN and ReLU. */
    public static SequentialBlock fromCode(int channels, int side) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits((long) channels * side * side).build())
                .add(new LambdaBlock(
                        list -> {
                            NDArray flat = list.singletonOrThrow();
                            return new NDList(flat.reshape(flat.getShape().get(0), channels, side, side));
                        },
                        "toMaps"))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }

    /** LeakyReLU with slope 0.2, the discriminator's activation. */
    public static Block leaky() {
        return Activation.leakyReluBlock(0.2f);
    }
}
