package org.latentmap.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.model.flow.RealNvp;

/**
 * A flow's negative log-likelihood of images in bits per dimension (RealNVP's measure, Dinh et al. 2017, Sect. 5),
 * each pixel dequantised at the middle of its 8-bit bin, so the number is the same every time: lower is better; 8
 * is a uniform guess over the 256 levels. Only a flow has a likelihood here; the other families are read by R-MSE.
 */
public final class BitsPerDimension {
    private static final int BATCH = 256;

    private BitsPerDimension() {}

    /** The mean bits per dimension of {@code images} under {@code model}, which must be a {@link RealNvp}. */
    public static double of(LatentModel model, ImageSet images) {
        if (!(model instanceof RealNvp flow)) {
            throw new IllegalArgumentException(
                    model.name() + " is no flow: only a RealNVP has bits per dimension here");
        }
        GradMode.offForThisThread();
        double sum = 0;
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = images.toNDArray(manager, from, to);
                NDArray middle = manager.full(x.getShape(), 0.5f);
                sum += flow.bitsPerDimension(x, middle, false).sum().getFloat();
            }
        }
        return sum / images.size();
    }
}
