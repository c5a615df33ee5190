package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.model.LatentModel;

/** The health check on hand-made models whose errors are known (issue 29). */
class ModelHealthTest {
    /**
     * Four 1x1x2 images in two classes: class 0 holds (0, 0) and (0.2, 0.2), class 1 (1, 1) and (0.8, 0.8). By hand:
     * the mean image is (0.5, 0.5), its error 0.5^2 + 0.3^2 + 0.5^2 + 0.3^2 over 4 = 0.17; the class means (0.1, 0.1)
     * and (0.9, 0.9), their error 0.1^2 = 0.01.
     */
    static ImageSet fourImages() {
        return new ImageSet(
                new float[] {0f, 0f, 0.2f, 0.2f, 1f, 1f, 0.8f, 0.8f},
                4,
                1,
                1,
                2,
                new int[] {0, 0, 1, 1},
                List.of("dark", "light"));
    }

    @Test
    void aModelDrawingTheMeanImageCollapsed() {
        ModelHealth health =
                ModelHealth.of(new Drawing("mean", images -> images.zerosLike().add(0.5f)), null, fourImages());
        assertEquals(0.17, health.meanImage(), 1e-6);
        assertEquals(0.01, health.classMean(), 1e-6);
        assertEquals(0.17, health.error(), 1e-6);
        assertEquals(ModelHealth.Verdict.FAILED, health.verdict());
        assertTrue(
                health.line()
                        .startsWith("mean: FAILED, R-MSE 0.1700 on 4 training images (mean image 0.1700, class"
                                + " mean 0.0100): collapsed"),
                health.line());
    }

    @Test
    void aModelDrawingNoiseCollapsed() {
        SplittableRandom random = new SplittableRandom(1);
        ModelHealth health = ModelHealth.of(
                new Drawing("noise", images -> {
                    float[] noise = new float[(int) images.size()];
                    for (int i = 0; i < noise.length; i++) {
                        noise[i] = (float) random.nextDouble();
                    }
                    return images.getManager().create(noise, images.getShape());
                }),
                null,
                fourImages());
        assertTrue(health.error() > ModelHealth.COLLAPSE * health.meanImage(), health.line());
        assertTrue(health.failed());
    }

    @Test
    void aModelDrawingEveryImageIsHealthy() {
        ModelHealth health = ModelHealth.of(new Drawing("exact", images -> images), null, fourImages());
        assertEquals(0, health.error(), 0);
        assertEquals(ModelHealth.Verdict.HEALTHY, health.verdict());
        assertEquals(List.of(), health.findings());
    }

    @Test
    void aModelBetweenTheClassMeanAndTheMeanImageIsWeak() {
        // every pixel moved a third of the way to 0.5: error (1/3)^2 of the mean image's = 0.0189, above 0.01
        ModelHealth health = ModelHealth.of(
                new Drawing(
                        "blurred",
                        images -> images.mul(images.getManager().full(new Shape(), 2f / 3))
                                .add(images.getManager().full(new Shape(), 0.5f / 3))),
                null,
                fourImages());
        assertEquals(0.17 / 9, health.error(), 1e-6);
        assertEquals(ModelHealth.Verdict.WEAK, health.verdict());
    }

    @Test
    void aRecoderLossThatRoseTenfoldBlewUp() {
        LossHistory history = new LossHistory(List.of("discriminator", "generator", "recoder"));
        for (int step = 0; step < 100; step++) {
            boolean recoder = step >= 50;
            double loss = step < 80 ? 1.3 : 13;
            history.add(
                    new double[] {recoder ? Double.NaN : 0.7, recoder ? Double.NaN : 2, recoder ? loss : Double.NaN});
        }
        ModelHealth health = ModelHealth.of(new Drawing("gan", images -> images), history, fourImages());
        assertEquals(ModelHealth.Verdict.FAILED, health.verdict());
        assertEquals(List.of("blew up: the recoder loss rose from 1.30 to 13.0"), health.findings());
    }

    @Test
    void aGeneratorThatLostIsCaught() {
        LossHistory history = new LossHistory(List.of("discriminator", "generator", "recoder"));
        for (int step = 0; step < 20; step++) {
            history.add(new double[] {0.01, step < 10 ? 2 : 12, Double.NaN});
        }
        ModelHealth health = ModelHealth.of(new Drawing("gan", images -> images), history, fourImages());
        assertEquals(List.of("the discriminator won: the generator's loss ends at 12.0"), health.findings());
    }

    @Test
    void tenthsAndSpreadByHand() {
        assertArrayEquals(new double[] {1, 2, 3}, ModelHealth.tenths(new double[] {1, Double.NaN, 2, 3}), 0);
        assertArrayEquals(new int[] {0, 2, 5, 7}, ModelHealth.spread(10, 4));
    }

    /** A model whose reconstruction is {@code draw} of the images (its code is the image itself). */
    private record Drawing(String name, java.util.function.UnaryOperator<NDArray> draw) implements LatentModel {
        @Override
        public int latentSize() {
            return 2;
        }

        @Override
        public NDArray encode(NDArray images) {
            return images.reshape(images.getShape().get(0), -1);
        }

        @Override
        public NDArray decode(NDArray codes) {
            return draw.apply(codes.reshape(codes.getShape().get(0), 1, 1, 2));
        }

        @Override
        public NDArray samplePrior(NDManager manager, int count) {
            return manager.zeros(new Shape(count, 2));
        }
    }
}
