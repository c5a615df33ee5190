package org.latentmap.model.diffusion;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Network;

/**
 * A DDPM-trained diffusion model whose latent space is DDIM's, for the issue-33 comparison of today's families: its
 * code is the noise that deterministic DDIM inverts an image to (one variable per pixel), its decoder the DDIM sampler
 * from that noise, its prior N(0, I). The number of DDIM steps is a setting ({@link #withSteps}): more steps invert
 * more faithfully and cost more (each step is one pass of the U-Net). Images are scaled to [-1, 1] inside.
 */
public final class Diffusion implements LatentModel {
    /** DDIM steps unless set otherwise: the walkthrough's trade between inversion error and time (measured there). */
    public static final int DEFAULT_STEPS = 20;

    private final String name;
    private final Shape imageShape;
    private final Network network;
    private final NoiseSchedule schedule;
    private final Ddim ddim;

    private Diffusion(String name, Shape imageShape, Network network, NoiseSchedule schedule, int steps) {
        this.name = name;
        this.imageShape = imageShape;
        this.network = network;
        this.schedule = schedule;
        this.ddim = new Ddim(schedule, steps);
    }

    /**
     * A new diffusion model for images of {@code imageShape} (C, H, W; H and W divisible by 4: the U-Net halves them
     * twice), its U-Net {@code width} channels wide at full resolution, DDPM's schedule, {@link #DEFAULT_STEPS} DDIM
     * steps.
     */
    public static Diffusion create(String name, NDManager manager, Shape imageShape, int width) {
        if (imageShape.dimension() != 3 || imageShape.get(1) % 4 != 0 || imageShape.get(2) % 4 != 0) {
            throw new IllegalArgumentException("the U-Net halves the image twice, so it needs (C, H, W) images with H"
                    + " and W divisible by 4; got " + imageShape);
        }
        UNet unet = new UNet(width, (int) imageShape.get(0));
        Network network = new Network("noise predictor", unet, manager, new Shape(1).addAll(imageShape), new Shape(1));
        return new Diffusion(name, imageShape, network, NoiseSchedule.ddpm(), DEFAULT_STEPS);
    }

    /** The same model (the same network) encoding and decoding with {@code steps} DDIM steps. */
    public Diffusion withSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("DDIM needs at least 1 step; got " + steps);
        }
        return new Diffusion(name, imageShape, network, schedule, steps);
    }

    public int steps() {
        return ddim.steps();
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /** The predicted noise in {@code noised} images (in [-1, 1] scale) at times {@code times} (N). */
    public NDArray predictNoise(NDArray noised, NDArray times, boolean training) {
        return network.forward(new NDList(noised, times), training);
    }

    private NDArray predict(NDArray x, int t) {
        NDArray times = x.getManager().full(new Shape(x.getShape().get(0)), (float) t);
        return predictNoise(x, times, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int latentSize() {
        return (int) imageShape.size();
    }

    /** The DDIM-inverted noise of images in [0, 1], flattened to (N, C H W). */
    @Override
    public NDArray encode(NDArray images) {
        NDArray scaled = images.mul(scalar(images, 2f)).sub(scalar(images, 1f));
        return ddim.invert(scaled, this::predict).reshape(images.getShape().get(0), -1);
    }

    /** Images in [0, 1] that DDIM draws from codes (N, C H W). */
    @Override
    public NDArray decode(NDArray codes) {
        NDArray noise = codes.reshape(new Shape(codes.getShape().get(0)).addAll(imageShape));
        NDArray x = ddim.sample(noise, this::predict);
        return x.add(scalar(x, 1f)).div(scalar(x, 2f)).clip(0f, 1f);
    }

    @Override
    public List<Network> networks() {
        return List.of(network);
    }

    public Network network() {
        return network;
    }

    public Shape imageShape() {
        return imageShape;
    }
}
