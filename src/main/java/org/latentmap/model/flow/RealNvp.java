package org.latentmap.model.flow;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.latentmap.model.ImageShapes;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Network;

/**
 * A small RealNVP (Dinh, Sohl-Dickstein and Bengio 2017) with Glow's 1x1 mixings, for the issue-33 comparison of
 * today's families: its code is the image's exact inverse, one variable per pixel ({@link #latentSize} = C H W), its
 * decoder the same network run forward, and it trains by likelihood ({@link #bitsPerDimension}). Layout, for a
 * (C, H, W) image: a squeeze to (4C, H/2, W/2), two checkerboard couplings, two channel couplings each after a
 * mixing; half the channels leave as code (the multi-scale split); a squeeze of the rest to (8C, H/4, W/4) and three
 * more mixings with channel couplings. The code is the split half, then the rest, each flattened. Much smaller than
 * RealNVP's (residual networks of 64 channels and 8 blocks per coupling, checkerboards at full resolution): its
 * conditioning networks are Glow's three convolutions, so that it trains in minutes on 2 cores.
 */
public final class RealNvp implements LatentModel {
    private final String name;
    private final Shape imageShape;
    private final LogitPixels pixels = new LogitPixels();
    private final List<Bijection> early;
    private final List<Bijection> late;
    private final List<Network> networks;

    private RealNvp(
            String name, Shape imageShape, List<Bijection> early, List<Bijection> late, List<Network> networks) {
        this.name = name;
        this.imageShape = imageShape;
        this.early = early;
        this.late = late;
        this.networks = networks;
    }

    /**
     * A new flow for images of {@code imageShape} (C, H, W; H and W divisible by 4), its conditioning networks
     * {@code hidden} channels wide.
     */
    public static RealNvp create(String name, NDManager manager, Shape imageShape, int hidden) {
        if (imageShape.dimension() != 3 || imageShape.get(1) % 4 != 0 || imageShape.get(2) % 4 != 0) {
            throw new IllegalArgumentException("a RealNVP squeezes twice, so it needs (C, H, W) images with H and W"
                    + " divisible by 4; got " + imageShape);
        }
        long c = imageShape.get(0);
        long h = imageShape.get(1);
        long w = imageShape.get(2);
        List<Network> networks = new ArrayList<>();
        List<Bijection> early = new ArrayList<>();
        early.add(new Squeeze());
        Shape half = new Shape(4 * c, h / 2, w / 2);
        early.add(coupling(networks, manager, half, AffineCoupling.Mask.CHECKERBOARD_EVEN, hidden));
        early.add(coupling(networks, manager, half, AffineCoupling.Mask.CHECKERBOARD_ODD, hidden));
        for (int i = 0; i < 2; i++) {
            early.add(mixing(networks, manager, half));
            early.add(coupling(networks, manager, half, AffineCoupling.Mask.CHANNELS, hidden));
        }
        List<Bijection> late = new ArrayList<>();
        late.add(new Squeeze());
        Shape quarter = new Shape(8 * c, h / 4, w / 4);
        for (int i = 0; i < 3; i++) {
            late.add(mixing(networks, manager, quarter));
            late.add(coupling(networks, manager, quarter, AffineCoupling.Mask.CHANNELS, hidden));
        }
        return new RealNvp(name, imageShape, List.copyOf(early), List.copyOf(late), List.copyOf(networks));
    }

    private static AffineCoupling coupling(
            List<Network> networks, NDManager manager, Shape shape, AffineCoupling.Mask mask, int hidden) {
        AffineCoupling coupling =
                AffineCoupling.create("coupling " + (networks.size() + 1), manager, shape, mask, hidden);
        networks.add(coupling.network());
        return coupling;
    }

    private static Bijection mixing(List<Network> networks, NDManager manager, Shape shape) {
        InvertibleMixing block = new InvertibleMixing((int) shape.get(0));
        Network network = new Network("mixing " + (networks.size() + 1), block, manager, ImageShapes.batchOf(shape));
        networks.add(network);
        return new Bijection() {
            @Override
            public Transformed toCode(NDArray input, boolean training) {
                NDManager scope = input.getManager();
                long pixelsPerImage = input.getShape().get(2) * input.getShape().get(3);
                NDArray logDet = block.logDeterminant(scope).mul(scalar(input, pixelsPerImage));
                return new Transformed(
                        network.forward(input, training),
                        logDet.broadcast(new Shape(input.getShape().get(0))));
            }

            @Override
            public NDArray toImage(NDArray output) {
                return block.invert(output);
            }
        };
    }

    /**
     * Codes of dequantised images, {@code dequantised} in [0, 1), and log |det| of the map from them to the code,
     * per image.
     */
    public Bijection.Transformed toCode(NDArray dequantised, boolean training) {
        Bijection.Transformed step = pixels.toCode(dequantised, training);
        NDArray x = step.value();
        NDArray logDet = step.logDeterminant();
        for (Bijection b : early) {
            Bijection.Transformed t = b.toCode(x, training);
            x = t.value();
            logDet = logDet.add(t.logDeterminant());
        }
        long n = x.getShape().get(0);
        NDList halves = x.split(2, 1);
        NDArray rest = halves.get(1);
        for (Bijection b : late) {
            Bijection.Transformed t = b.toCode(rest, training);
            rest = t.value();
            logDet = logDet.add(t.logDeterminant());
        }
        NDArray code = halves.get(0).reshape(n, -1).concat(rest.reshape(n, -1), 1);
        return new Bijection.Transformed(code, logDet);
    }

    /** Dequantised images in [0, 1) from codes: the exact inverse of {@link #toCode}. */
    public NDArray toDequantised(NDArray codes) {
        long n = codes.getShape().get(0);
        long c = imageShape.get(0);
        long h = imageShape.get(1);
        long w = imageShape.get(2);
        NDList parts = codes.split(new long[] {latentSize() / 2}, 1);
        NDArray split = parts.get(0).reshape(n, 2 * c, h / 2, w / 2);
        NDArray rest = parts.get(1).reshape(n, 8 * c, h / 4, w / 4);
        for (int i = late.size() - 1; i >= 0; i--) {
            rest = late.get(i).toImage(rest);
        }
        NDArray x = split.concat(rest, 1);
        for (int i = early.size() - 1; i >= 0; i--) {
            x = early.get(i).toImage(x);
        }
        return pixels.toImage(x);
    }

    /**
     * log p(y) of dequantised images under the flow, per image, in nats: the standard normal's log-density of the
     * code plus the log-determinant.
     */
    public NDArray logLikelihood(NDArray dequantised, boolean training) {
        Bijection.Transformed t = toCode(dequantised, training);
        NDArray z = t.value();
        double constant = -0.5 * latentSize() * Math.log(2 * Math.PI);
        NDArray prior = z.square().sum(new int[] {1}).mul(scalar(z, -0.5f)).add(scalar(z, (float) constant));
        return prior.add(t.logDeterminant());
    }

    /**
     * The negative log-likelihood of 8-bit images in bits per dimension, per image: (-log p(y) + D log 256) / (D log
     * 2), y the images dequantised by {@code noise} (RealNVP's measure; a bound on the discrete images' code length).
     */
    public NDArray bitsPerDimension(NDArray images, NDArray noise, boolean training) {
        NDArray logP = logLikelihood(LogitPixels.dequantise(images, noise), training);
        double d = latentSize();
        return logP.neg().add(scalar(logP, (float) (d * Math.log(256)))).div(scalar(logP, (float) (d * Math.log(2))));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int latentSize() {
        return (int) imageShape.size();
    }

    /** The code of images: the flow's inverse of the images dequantised at the middle of each pixel's bin. */
    @Override
    public NDArray encode(NDArray images) {
        NDArray middle = images.getManager().full(images.getShape(), 0.5f);
        return toCode(LogitPixels.dequantise(images, middle), false).value();
    }

    /** Images from codes: the flow forward, then back to [0, 1] pixels. */
    @Override
    public NDArray decode(NDArray codes) {
        return LogitPixels.quantise(toDequantised(codes));
    }

    @Override
    public List<Network> networks() {
        return networks;
    }

    /** The shape (C, H, W) of the images this flow models. */
    public Shape imageShape() {
        return imageShape;
    }
}
