package org.latentmap.relocation;

import org.latentmap.data.ImageSet;
import org.latentmap.engine.Batches;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.model.LatentModel;
import org.latentmap.train.Losses;

/** Codes decoded in batches straight into their error against images (their images: {@code Sampling.decoded}). */
final class Decoding {
    private static final int BATCH = 250;

    private Decoding() {}

    /** Mean squared error per pixel between each image and the decoding of its code. */
    static double[] errors(LatentModel model, CodeMatrix codes, ImageSet images) {
        if (codes.size() != images.size()) {
            throw new IllegalArgumentException(codes.size() + " codes for " + images.size() + " images");
        }
        if (codes.width() != model.latentSize()) {
            throw new IllegalArgumentException(
                    "codes of size " + codes.width() + " for a latent space of size " + model.latentSize());
        }
        return Batches.perRow(
                codes.size(),
                BATCH,
                (manager, from, to) -> Losses.meanSquaredErrorPerImage(
                        images.toNDArray(manager, from, to), model.decode(codes.toNDArray(manager, from, to))));
    }
}
