package org.latentmap.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.linalg.SquaredError;
import org.latentmap.model.LatentModel;

/**
 * A latent traversal (paper Fig. 6): one variable of a base code swept over [-range, range] in equal steps,
 * the others kept, each code decoded. The paper sweeps [-2.25, 2.25].
 */
public final class Traversal {
    /** The paper's sweep, [-2.25, 2.25]. */
    public static final double PAPER_RANGE = 2.25;

    private Traversal() {}

    /** {@code steps} images: variable {@code variable} of {@code base} set to -range ... +range. */
    public static ImageSet of(LatentModel model, float[] base, int variable, int steps, double range) {
        if (base.length != model.latentSize()) {
            throw new IllegalArgumentException(
                    "a base code of size " + base.length + " for a latent space of size " + model.latentSize());
        }
        if (variable < 0 || variable >= base.length || steps < 2) {
            throw new IllegalArgumentException("traverse a variable in [0, " + base.length
                    + ") over at least 2 steps; got variable " + variable + ", " + steps + " steps");
        }
        float[] codes = new float[steps * base.length];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(base, 0, codes, s * base.length, base.length);
            codes[s * base.length + variable] = (float) (-range + 2 * range * s / (steps - 1));
        }
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray decoded = model.decode(manager.create(codes, new Shape(steps, base.length)));
            return ImageSet.of(decoded);
        }
    }

    /**
     * How much sweeping {@code variable} over [-range, range] changes the image: the root-mean-square difference,
     * per pixel, between the images of the sweep's two ends (pixels in [0, 1]; 0 for a variable the decoder ignores).
     */
    public static double span(LatentModel model, float[] base, int variable, double range) {
        ImageSet ends = of(model, base, variable, 2, range);
        float[] first = ends.image(0);
        float[] last = ends.image(1);
        return Math.sqrt(SquaredError.mean(first, last));
    }
}
