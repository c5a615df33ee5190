package org.latentmap.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.latentmap.data.ImageSet;
import org.latentmap.train.GradMode;

/** Seeded draws from a model's prior, decoded into images (the sample grids of paper Sect. 4.2). */
public final class Sampling {
    private Sampling() {
    }

    /** {@code count} images generated from N(0, I) codes drawn with {@code seed}. */
    public static ImageSet samples(LatentModel model, int count, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            return ImageSet.of(model.sample(manager, count));
        }
    }
}
