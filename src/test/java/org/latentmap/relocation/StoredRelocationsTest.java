package org.latentmap.relocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentmap.testing.HandModels.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.store.PackedValues;
import org.latentmap.support.SupportSet;
import org.latentmap.testing.HandModels;
import org.latentmap.testing.HandModels.Counting;
import org.latentmap.zoo.TrainedModel;

/** Relocations of zoo models are read back, exactly, in a later run; exactly what changed is computed again. */
class StoredRelocationsTest {
    @TempDir
    Path zoo;

    /** A fit that counts its calls (validated ridge underneath). */
    private static final class CountingFit implements CodeMapFit {
        final String recipe;
        int fits;

        CountingFit(String recipe) {
            this.recipe = recipe;
        }

        public CodeMap fit(CodeMatrix source, CodeMatrix target) {
            fits++;
            return MapFit.validatedRidge().fit(source, target);
        }

        public String name() {
            return "counting ridge";
        }

        public String recipe() {
            return recipe;
        }
    }

    private TrainedModel model(String name, Counting counting) throws IOException {
        return HandModels.inZoo(zoo, name, counting);
    }

    @Test
    void aRelocationAskedForAgainIsReadExactly() throws IOException {
        Counting source = new Counting("s", 2, 3);
        Counting target = new Counting("t", -1, 0.5f);
        TrainedModel s = model("s", source);
        TrainedModel t = model("t", target);
        ImageSet train = images(60, 1);
        ImageSet test = images(20, 2);
        CountingFit fit = new CountingFit("counting ridge v1");
        FitPoints points = FitPoints.supportSet(SupportSet.of(0, 4, 7, 9, 11, 20, 30, 33));
        Relocation first = Relocations.on(train, test).batches(5).relocate(s, t, fit, points);
        assertEquals(1, fit.fits);
        int decodings = target.decodings;
        // a later run: new Relocations, same models and inputs
        Relocation again = Relocations.on(train, test).batches(5).relocate(s, t, fit, points);
        assertEquals(1, fit.fits, "the map is read, not fitted again");
        assertEquals(decodings, target.decodings, "the mapped codes' errors are read, not decoded again");
        assertArrayEquals(first.linearMap().weights()[1], again.linearMap().weights()[1], 0);
        assertEquals(first.map().fit(), again.map().fit());
        assertArrayEquals(first.mMse(), again.mMse(), 0);
        assertArrayEquals(first.lMse(), again.lMse(), 0);

        // other fit points, another recipe, or a retrained target: fitted again
        Relocations.on(train, test)
                .batches(5)
                .relocate(s, t, fit, FitPoints.supportSet(SupportSet.of(1, 4, 7, 9, 11, 20, 30, 33)));
        assertEquals(2, fit.fits);
        decodings = target.decodings;
        CountingFit other = new CountingFit("counting ridge v2");
        Relocations.on(train, test).batches(5).relocate(s, t, other, points);
        assertEquals(1, other.fits);
        assertEquals(decodings, target.decodings, "a map giving the same codes shares their decoding errors");
        Files.writeString(t.checkpoint(), "retrained weights of t");
        Relocations.on(train, test).batches(5).relocate(s, t, fit, points);
        assertEquals(3, fit.fits, "a retrained target's map is fitted again");
        assertTrue(target.decodings > decodings, "and its decodings are computed again");
    }

    @Test
    void mapsBetweenTwoColourPixelCodesAreFittedAgainNotStored() {
        assertTrue(StoredRelocations.kept(150, 12_288), "a paper code to a CelebA pixel code: 14 MB");
        assertTrue(StoredRelocations.kept(1_024, 1_024), "two grey 32x32 pixel codes: 8 MB");
        assertFalse(StoredRelocations.kept(3_072, 3_072), "two colour 32x32 pixel codes: 75 MB");
    }

    @Test
    void aFitWithoutRecipeIsFittedEveryTime() throws IOException {
        TrainedModel s = model("s", new Counting("s", 2, 3));
        TrainedModel t = model("t", new Counting("t", 1, 1));
        CountingFit fit = new CountingFit(null);
        ImageSet train = images(30, 3);
        for (int run = 1; run <= 2; run++) {
            Relocations.on(train, images(10, 4)).relocate(s, t, fit, FitPoints.allOf(train));
            assertEquals(run, fit.fits);
        }
    }

    @Test
    void mapsFittedOnAGeneratorsSamplesAreStoredAndReadBack() throws IOException {
        Counting generator = new Counting("G", 2, 4);
        TrainedModel g = model("G", generator);
        TrainedModel o = model("O", new Counting("O", 3, -1));
        var first = SampledRelocation.bothWays(g, List.of(o), MapFit.leastSquares(), 50, 20, 3);
        int decodings = generator.decodings;
        var again = SampledRelocation.bothWays(g, List.of(o), MapFit.leastSquares(), 50, 20, 3);
        assertEquals(decodings, generator.decodings, "no samples drawn when every pair is stored");
        assertEquals(2, again.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(first.get(i).source(), again.get(i).source());
            assertEquals(first.get(i).target(), again.get(i).target());
            assertArrayEquals(
                    first.get(i).map().weights()[0], again.get(i).map().weights()[0], 0);
            assertArrayEquals(first.get(i).imageErrors(), again.get(i).imageErrors(), 0);
            assertArrayEquals(first.get(i).latentErrors(), again.get(i).latentErrors(), 0);
        }
        assertEquals("G", again.get(0).source());
        assertArrayEquals(new double[] {1.5, 0}, again.get(0).map().weights()[0], 1e-5);
        SampledRelocation.bothWays(g, List.of(o), MapFit.leastSquares(), 50, 20, 4);
        assertTrue(generator.decodings > decodings, "another seed draws samples");
    }

    @Test
    void aFitAsOneLambdaRelocatesAndIsNeverStored() throws IOException {
        TrainedModel s = model("s", new Counting("s", 2, 3));
        TrainedModel t = model("t", new Counting("t", 1, 1));
        int[] calls = {0};
        // by hand: the target code is (x0, x1), the source's (2 x0, 3 x1), so W = diag(1/2, 1/3)
        CodeMapFit byHand = CodeMapFit.of("diagonal by hand", (source, target) -> {
            calls[0]++;
            return LinearMap.of(new double[][] {{0.5, 0}, {0, 1.0 / 3}}, null);
        });
        ImageSet train = images(30, 5);
        for (int run = 1; run <= 2; run++) {
            Relocation r = Relocations.on(train, images(10, 6)).relocate(s, t, byHand, FitPoints.allOf(train));
            assertEquals(run, calls[0], "fitted every time: a lambda has no recipe");
            assertEquals("diagonal by hand", r.fit());
            assertEquals(0, r.mMseMean(), 1e-10);
        }
        var noName = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> CodeMapFit.of(" ", (source, target) -> null));
        assertTrue(noName.getMessage().startsWith("a map fit needs a name"), noName.getMessage());
    }

    @Test
    void storedMapsComeBackExactly() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] source = new float[200][3];
        float[][] target = new float[200][2];
        for (int i = 0; i < source.length; i++) {
            for (int k = 0; k < 3; k++) {
                source[i][k] = (float) random.nextGaussian();
            }
            target[i][0] = source[i][0] * source[i][1];
            target[i][1] = (float) Math.max(0, source[i][2]) - source[i][0];
        }
        CodeMatrix probe = CodeMatrix.ofRows(Arrays.copyOf(source, 10));
        for (CodeMapFit fit : new CodeMapFit[] {
            MapFit.leastSquares(),
            MapFit.affine(),
            MapFit.procrustes(),
            ResidualMlpFit.standard().steps(200).hidden(8)
        }) {
            CodeMap map = fit.fit(CodeMatrix.ofRows(source), CodeMatrix.ofRows(target));
            CodeMap back = StoredRelocations.fromPacked(
                    PackedValues.read(StoredRelocations.toPacked(map).toBytes()), fit);
            assertEquals(map.getClass(), back.getClass());
            assertEquals(map.fit(), back.fit());
            assertEquals(map.apply(probe), back.apply(probe), fit.name());
        }
        assertNull(((CodeMapFit) new CountingFit(null)).recipe());
    }

    /** A kind of map the project does not know: adds a fixed shift. It stores itself as kind 7. */
    private record ShiftMap(float[] shift) implements StorableMap {
        public CodeMatrix apply(CodeMatrix codes) {
            float[] out = codes.values();
            for (int i = 0; i < out.length; i++) {
                out[i] += shift[i % shift.length];
            }
            return CodeMatrix.of(out, shift.length);
        }

        public int sourceSize() {
            return shift.length;
        }

        public int targetSize() {
            return shift.length;
        }

        public String fit() {
            return "mean shift";
        }

        @Override
        public void write(PackedValues packed) {
            packed.add(7).add(shift);
        }
    }

    private static final CodeMapFit SHIFT = new CodeMapFit() {
        public CodeMap fit(CodeMatrix source, CodeMatrix target) {
            float[] shift = new float[source.width()];
            for (int i = 0; i < source.size(); i++) {
                for (int k = 0; k < shift.length; k++) {
                    shift[k] += (target.get(i, k) - source.get(i, k)) / source.size();
                }
            }
            return new ShiftMap(shift);
        }

        public String name() {
            return "mean shift";
        }

        public String recipe() {
            return "mean shift v1";
        }

        @Override
        public CodeMap read(int kind, PackedValues.Reader packed, String fit) {
            assertEquals(7, kind);
            return new ShiftMap(packed.floats());
        }
    };

    @Test
    void aNewKindOfMapStoresItselfAndItsFitReadsItBack() {
        CodeMatrix source = CodeMatrix.ofRows(new float[][] {{0, 1}, {2, 3}});
        CodeMatrix target = CodeMatrix.ofRows(new float[][] {{1, 3}, {3, 5}});
        CodeMap map = SHIFT.fit(source, target);
        CodeMap back = StoredRelocations.fromPacked(
                PackedValues.read(StoredRelocations.toPacked(map).toBytes()), SHIFT);
        assertArrayEquals(new float[] {1, 2}, ((ShiftMap) back).shift());
        CodeMap plain = new CodeMap() {
            public CodeMatrix apply(CodeMatrix codes) {
                return codes;
            }

            public int sourceSize() {
                return 2;
            }

            public int targetSize() {
                return 2;
            }

            public String fit() {
                return "identity";
            }
        };
        var error = assertThrows(IllegalArgumentException.class, () -> StoredRelocations.toPacked(plain));
        assertTrue(error.getMessage().contains("cannot be stored"), error.getMessage());
    }

    /**
     * The stored layout of a linear map: its fit's name as text, its kind, its sizes, the weights row by row and
     * the bias (none: empty), in the types {@link PackedValues} keeps; stored maps are read by it in later runs.
     */
    @Test
    void aLinearMapIsStoredAsItsNameKindSizesWeightsAndBias() {
        LinearMap map = LinearMap.of(new double[][] {{1, 2}, {3, 4}}, null);
        ByteBuffer expected = new PackedValues()
                .add("given")
                .add(1)
                .add(2, 2)
                .add(new double[] {1, 2, 3, 4})
                .add(new double[0])
                .toBytes();
        assertEquals(expected, StoredRelocations.toPacked(map).toBytes());
    }
}
