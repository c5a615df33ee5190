package org.latentmap.relocation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.model.ModelFamily;
import org.latentmap.model.TrainedModel;

/** Hand-made models whose spaces are linearly related, and random two-pixel images, for the relocation tests. */
final class HandModels {
    private HandModels() {
    }

    /** Two-pixel images; the code is (a x0, b x1) and decoding divides back, so encode-decode is exact. */
    static TrainedModel scaling(String name, ModelFamily family, float a, float b) {
        LatentModel model = new LatentModel() {
            public String name() {
                return name;
            }

            public int latentSize() {
                return 2;
            }

            public NDArray encode(NDArray images) {
                long n = images.getShape().get(0);
                return images.reshape(n, 2).mul(images.getManager().create(new float[] {a, b}));
            }

            public NDArray decode(NDArray codes) {
                long n = codes.getShape().get(0);
                return codes.div(codes.getManager().create(new float[] {a, b})).reshape(new Shape(n, 1, 1, 2));
            }
        };
        return new TrainedModel(family, 1, Profile.SMOKE, "test", model, null, null, 0);
    }

    static ImageSet images(int n, int seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] pixels = new float[2 * n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        return new ImageSet(pixels, n, 1, 1, 2, null, null);
    }
}
