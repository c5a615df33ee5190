package org.latentmap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.families.TodaysFamilies;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Network;
import org.latentmap.zoo.ModelFamilies;
import org.latentmap.zoo.ModelFamily;

/** The channel counts oneDNN at AVX convolves without reading unwritten memory, and every family keeping to them. */
class ConvolutionChannelsTest {

    @Test
    void upToEightAndMultiplesOfEightAreSafe() {
        for (int c : new int[] {1, 3, 4, 8, 16, 24, 64}) {
            assertTrue(ConvolutionChannels.isSafe(c), c + " channels");
            assertEquals(c, ConvolutionChannels.safe(c));
        }
        for (int c : new int[] {9, 12, 20, 44}) {
            assertFalse(ConvolutionChannels.isSafe(c), c + " channels");
        }
        assertEquals(16, ConvolutionChannels.safe(9));
        assertEquals(16, ConvolutionChannels.safe(12));
        assertEquals(24, ConvolutionChannels.safe(20));
        assertThrows(IllegalArgumentException.class, () -> ConvolutionChannels.safe(0));
    }

    /**
     * Every convolution wider than 1x1 in every family's networks, on grey and colour 32x32 images and CelebA's
     * 64x64, takes a safe channel count (a 4-dimensional weight is (out, in, kernel height, kernel width)).
     */
    @Test
    void everyFamilyConvolvesOnlySafeChannelCounts() {
        List<ModelFamily> families = new ArrayList<>(ModelFamilies.builtIn());
        families.addAll(TodaysFamilies.register());
        List<String> unsafe = new ArrayList<>();
        for (Shape image : List.of(new Shape(1, 32, 32), new Shape(3, 32, 32), new Shape(3, 64, 64))) {
            for (ModelFamily family : families) {
                try (NDManager manager = NDManager.newBaseManager()) {
                    LatentModel model = family.create(family.key(), manager, image, 1);
                    for (Network network : model.networks()) {
                        for (Pair<String, Parameter> p : network.block().getParameters()) {
                            Shape w = p.getValue().getArray().getShape();
                            if (w.dimension() == 4
                                    && (w.get(2) > 1 || w.get(3) > 1)
                                    && !ConvolutionChannels.isSafe((int) w.get(1))) {
                                unsafe.add(
                                        family.key() + " " + image + " " + network.name() + "/" + p.getKey() + " " + w);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(unsafe.isEmpty(), String.join("\n", unsafe));
    }
}
