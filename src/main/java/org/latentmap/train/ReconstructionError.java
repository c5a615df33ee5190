package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Batches;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;

/**
 * R-MSE (paper Sect. 6): the mean squared error per pixel between images and their reconstructions
 * decode(encode(x)), image by image. For a GAN the encoder is its re-coder. It lives beside the training, below
 * the research packages, because every training checks its model with it ({@link ModelHealth}).
 */
public final class ReconstructionError {
    private static final int BATCH = 256;

    private ReconstructionError() {}

    /** The error of every image. */
    public static double[] perImage(LatentModel model, ImageSet images) {
        return Batches.perRow(images.size(), BATCH, (manager, from, to) -> {
            NDArray x = images.toNDArray(manager, from, to);
            return Losses.meanSquaredErrorPerImage(x, model.decode(model.encode(x)));
        });
    }

    /** The mean error over the images. */
    public static double of(LatentModel model, ImageSet images) {
        return java.util.Arrays.stream(perImage(model, images)).average().orElse(Double.NaN);
    }

    /** The images' reconstructions, for display. */
    public static ImageSet reconstructions(LatentModel model, ImageSet images) {
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            return ImageSet.of(model.decode(model.encode(images.toNDArray(manager))));
        }
    }
}
