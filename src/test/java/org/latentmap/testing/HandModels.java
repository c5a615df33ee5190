package org.latentmap.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.TrainedModel;

/**
 * Hand-made models of two-pixel images, whose latent spaces are related linearly ({@link #scaling}) or not
 * ({@link #bent}), and random two-pixel images: for the relocation and exercise tests.
 */
public final class HandModels {
    private HandModels() {}

    /** Two-pixel images; the code is (a x0, b x1) and decoding divides back, so encode-decode is exact. */
    public static TrainedModel scaling(String name, ModelFamily family, float a, float b) {
        LatentModel model = new TwoPixelModel(name) {
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

    /** Two-pixel images; the code is (x0 + x1², x1), so no linear map from {@link #scaling}'s codes is exact. */
    public static TrainedModel bent(String name, ModelFamily family) {
        LatentModel model = new TwoPixelModel(name) {
            public NDArray encode(NDArray images) {
                NDArray x = images.reshape(images.getShape().get(0), 2);
                NDArray x1 = x.get(":, 1:2");
                return x.get(":, 0:1").add(x1.mul(x1)).concat(x1, 1);
            }

            public NDArray decode(NDArray codes) {
                NDArray c1 = codes.get(":, 1:2");
                return codes.get(":, 0:1")
                        .sub(c1.mul(c1))
                        .concat(c1, 1)
                        .reshape(new Shape(codes.getShape().get(0), 1, 1, 2));
            }
        };
        return new TrainedModel(family, 1, Profile.SMOKE, "test", model, null, null, 0);
    }

    /** What both hand models share: a name and a latent space of two variables, one per pixel. */
    private abstract static class TwoPixelModel implements LatentModel {
        private final String name;

        TwoPixelModel(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public int latentSize() {
            return 2;
        }
    }

    /** A scaling model that counts its encodings and decodings: to see what a store computes and what it reads. */
    public static final class Counting implements LatentModel {
        /** The scaling model underneath, which counts nothing. */
        public final LatentModel inner;

        public int encodings;
        public int decodings;

        public Counting(String name, float a, float b) {
            inner = scaling(name, ModelFamily.VAE, a, b).model();
        }

        public String name() {
            return inner.name();
        }

        public int latentSize() {
            return inner.latentSize();
        }

        public NDArray encode(NDArray images) {
            encodings++;
            return inner.encode(images);
        }

        public NDArray decode(NDArray codes) {
            decodings++;
            return inner.decode(codes);
        }
    }

    /** {@code model} as a zoo model with a checkpoint file of its own in {@code folder} (written if missing). */
    public static TrainedModel inZoo(Path folder, String name, LatentModel model) throws IOException {
        Path checkpoint = folder.resolve(name + ".ckpt");
        if (!Files.exists(checkpoint)) {
            Files.writeString(checkpoint, "weights of " + name);
        }
        return new TrainedModel(ModelFamily.VAE, 1, Profile.SMOKE, "test", model, null, null, 0, checkpoint);
    }

    /** {@code count} single-channel 32x32 images of uniform noise from {@code seed}: inputs the real networks take. */
    public static ImageSet noise(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] pixels = new float[count * 32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return new ImageSet(pixels, count, 1, 32, 32, null, null);
    }

    public static ImageSet images(int n, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[2 * n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        return new ImageSet(pixels, n, 1, 1, 2, null, null);
    }
}
