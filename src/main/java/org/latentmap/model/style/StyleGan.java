package org.latentmap.model.style;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.latentmap.model.Adversarial;
import org.latentmap.model.Gan;
import org.latentmap.model.ImageShapes;
import org.latentmap.model.Network;

/**
 * A small StyleGAN (paper Sect. 7), trained here since no weights can be downloaded: a mapping network
 * Z -> W (pixel norm, dense layers), a synthesis network from a learned constant whose layers are steered by
 * w through AdaIN and get per-pixel noise of learned strength, the GAN's discriminator, and a re-coder
 * trained on generated images to give w back. Its latent space is W, as in the paper: {@link #encode} gives w,
 * {@link #decode} draws from w (without noise, so the same w always gives the same image), and
 * {@link #samplePrior} maps fresh z to w.
 */
public final class StyleGan extends Adversarial {
    /** The size of z and of w. */
    public static final int LATENT = 64;
    /** Dense layers of the mapping (StyleGAN has 8; a small model on small images does with fewer). */
    public static final int MAPPING_DEPTH = 4;

    private final Network mapping;
    private final StyleSynthesis synthesisBlock;
    private final Network synthesis;

    private StyleGan(
            String name,
            int latentSize,
            Network mapping,
            StyleSynthesis synthesisBlock,
            Network synthesis,
            Network discriminator,
            Network recoder) {
        super(name, latentSize, discriminator, recoder);
        this.mapping = mapping;
        this.synthesisBlock = synthesisBlock;
        this.synthesis = synthesis;
    }

    /**
     * A new, randomly initialised StyleGAN for images of {@code imageShape} (C, H, W), H = W a multiple of 8:
     * a constant of 128 maps at 4x4, then style layers of 128, 64, 32 and 16 channels doubling the side to 32 (for
     * 64x64 images a constant of 256 maps and layers of 256, 128, 64, 32, 16: {@link ImageShapes#stages}).
     */
    public static StyleGan create(String name, NDManager manager, Shape imageShape, int latentSize) {
        ImageShapes.requireDivisibleBy8(imageShape);
        Shape images = ImageShapes.batchOf(imageShape);
        int[] widths = ImageShapes.widths(imageShape, 16);
        int[] synthesisWidths = new int[widths.length + 1];
        for (int i = 0; i < widths.length; i++) {
            synthesisWidths[i] = widths[widths.length - 1 - i] * 2;
        }
        synthesisWidths[widths.length] = widths[0];
        StyleSynthesis synthesisBlock =
                new StyleSynthesis(ImageShapes.codeSide(imageShape), synthesisWidths, (int) imageShape.get(0));
        return new StyleGan(
                name,
                latentSize,
                new Network("mapping", MappingNetwork.of(latentSize, MAPPING_DEPTH), manager, new Shape(1, latentSize)),
                synthesisBlock,
                new Network("synthesis", synthesisBlock, manager, new Shape(1, latentSize)),
                new Network("discriminator", Gan.discriminatorBlock(imageShape), manager, images),
                new Network("recoder", Gan.recoderBlock(imageShape, latentSize), manager, images));
    }

    /** w for noise z (N, size). */
    public NDArray map(NDArray noise, boolean training) {
        return mapping.forward(noise, training);
    }

    /** Images in [-1, 1] from w; per-pixel noise only while training. */
    public NDArray synthesise(NDArray w, boolean training) {
        synthesisBlock.noise(training);
        return synthesis.forward(w, training);
    }

    @Override
    public NDArray generate(NDArray noise, boolean training) {
        return synthesise(map(noise, training), training);
    }

    @Override
    public List<Parameter> generatorParameters() {
        List<Parameter> parameters = new ArrayList<>(mapping.trainableParameters());
        parameters.addAll(synthesis.trainableParameters());
        return parameters;
    }

    /** The re-coder gives back w, the code in StyleGAN's W space. */
    @Override
    public NDArray recoderTarget(NDArray noise) {
        return map(noise, false);
    }

    @Override
    public List<Network> networks() {
        return List.of(mapping, synthesis, discriminator(), recoder());
    }

    /** w of fresh z ~ N(0, I): StyleGAN's W is where its samples' codes live. */
    @Override
    public NDArray samplePrior(NDManager manager, int count) {
        return map(manager.randomNormal(new Shape(count, latentSize())), false);
    }

    @Override
    public NDArray decode(NDArray codes) {
        return Gan.toUnit(synthesise(codes, false));
    }

    public Network mapping() {
        return mapping;
    }

    public Network synthesis() {
        return synthesis;
    }
}
