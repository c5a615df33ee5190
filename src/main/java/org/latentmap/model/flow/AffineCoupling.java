package org.latentmap.model.flow;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.ConstantInitializer;
import org.latentmap.engine.ConvolutionChannels;
import org.latentmap.model.Layers;
import org.latentmap.model.Network;

/**
 * RealNVP's affine coupling (Dinh et al. 2017, Sect. 3.3): the pixels a mask keeps pass unchanged and condition a
 * small convolutional network whose outputs scale and shift the others, y = x exp(s) + t. Its log-determinant is
 * the sum of s; its inverse, x = (y - t) exp(-s), needs the network only forward. A checkerboard mask keeps the
 * pixels whose row plus column has one parity; a channel mask keeps the first half of the channels. The network's
 * last convolution starts at zero, so every coupling starts as the identity; s passes through tanh, bounding each
 * step's stretch to e. A conditioning input of a channel count the engine's convolutions mishandle (12 on colour
 * images) gets zero channels appended first ({@link ConvolutionChannels}); they change no output.
 */
public final class AffineCoupling implements Bijection {
    /** Which pixels condition the others. */
    public enum Mask {
        /** Pixels with (row + column) even condition the odd ones. */
        CHECKERBOARD_EVEN,
        /** Pixels with (row + column) odd condition the even ones. */
        CHECKERBOARD_ODD,
        /** The first half of the channels conditions the second. */
        CHANNELS
    }

    private final Mask mask;
    private final Network network;
    private final int channels;

    private AffineCoupling(Mask mask, Network network, int channels) {
        this.mask = mask;
        this.network = network;
        this.channels = channels;
    }

    /**
     * A coupling for inputs of {@code shape} (C, H, W) whose conditioning network has {@code hidden} channels, as
     * Glow's: a 3x3 and a 1x1 convolution with ReLU, then a zero-initialised 3x3 convolution to the scales and
     * shifts.
     */
    public static AffineCoupling create(String name, NDManager manager, Shape shape, Mask mask, int hidden) {
        int c = (int) shape.get(0);
        if (mask == Mask.CHANNELS && c % 2 != 0) {
            throw new IllegalArgumentException("a channel coupling splits the channels in halves; " + c + " is odd");
        }
        int conditioned = mask == Mask.CHANNELS ? c / 2 : c;
        Conv2d last = Layers.conv3x3(2 * conditioned);
        last.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        SequentialBlock block = new SequentialBlock();
        int safe = ConvolutionChannels.safe(conditioned);
        if (safe != conditioned) {
            block.add(Layers.zeroChannels(safe - conditioned));
        }
        block.add(Layers.conv3x3(hidden))
                .add(Activation.reluBlock())
                .add(Conv2d.builder()
                        .setFilters(hidden)
                        .setKernelShape(new Shape(1, 1))
                        .build())
                .add(Activation.reluBlock())
                .add(last);
        Shape input = new Shape(1, conditioned, shape.get(1), shape.get(2));
        return new AffineCoupling(mask, new Network(name, block, manager, input), conditioned);
    }

    public Network network() {
        return network;
    }

    public Mask mask() {
        return mask;
    }

    @Override
    public Transformed toCode(NDArray input, boolean training) {
        if (mask == Mask.CHANNELS) {
            NDList halves = input.split(new long[] {channels}, 1);
            NDArray[] st = scaleAndShift(halves.get(0), training);
            NDArray moved = halves.get(1).mul(st[0].exp()).add(st[1]);
            return new Transformed(halves.get(0).concat(moved, 1), perImage(st[0]));
        }
        NDArray keep = checkerboard(input);
        NDArray kept = input.mul(keep);
        NDArray[] st = scaleAndShift(kept, training);
        NDArray other = scalar(keep, 1f).sub(keep);
        NDArray s = st[0].mul(other);
        NDArray moved = input.mul(s.exp()).add(st[1].mul(other)).mul(other);
        return new Transformed(kept.add(moved), perImage(s));
    }

    @Override
    public NDArray toImage(NDArray output) {
        if (mask == Mask.CHANNELS) {
            NDList halves = output.split(new long[] {channels}, 1);
            NDArray[] st = scaleAndShift(halves.get(0), false);
            NDArray moved = halves.get(1).sub(st[1]).mul(st[0].neg().exp());
            return halves.get(0).concat(moved, 1);
        }
        NDArray keep = checkerboard(output);
        NDArray kept = output.mul(keep);
        NDArray[] st = scaleAndShift(kept, false);
        NDArray other = scalar(keep, 1f).sub(keep);
        NDArray moved = output.sub(st[1]).mul(st[0].mul(other).neg().exp()).mul(other);
        return kept.add(moved);
    }

    /** s = tanh of the network's first half of outputs, t = its second half. */
    private NDArray[] scaleAndShift(NDArray condition, boolean training) {
        NDList both = network.forward(condition, training).split(2, 1);
        return new NDArray[] {Activation.tanh(both.get(0)), both.get(1)};
    }

    /** 1 where this coupling's checkerboard keeps a pixel, 0 elsewhere, shaped (1, 1, H, W), made by the engine. */
    private NDArray checkerboard(NDArray like) {
        NDManager manager = like.getManager();
        long h = like.getShape().get(2);
        long w = like.getShape().get(3);
        NDArray sum = manager.arange((int) h)
                .reshape(h, 1)
                .add(manager.arange((int) w).reshape(1, w))
                .toType(DataType.FLOAT32, false);
        float parity = mask == Mask.CHECKERBOARD_EVEN ? 0f : 1f;
        return sum.mod(scalar(sum, 2f))
                .eq(scalar(sum, parity))
                .toType(DataType.FLOAT32, false)
                .reshape(1, 1, h, w);
    }

    private static NDArray perImage(NDArray s) {
        return s.reshape(s.getShape().get(0), -1).sum(new int[] {1});
    }
}
