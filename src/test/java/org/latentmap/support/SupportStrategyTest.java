package org.latentmap.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;

class SupportStrategyTest {

    @Test
    void randomChoicesAreDistinctAndSeeded() {
        SupportStrategy random = SupportStrategy.random(100);
        int[] a = random.choose(30, 7).indices();
        assertEquals(30, Arrays.stream(a).distinct().count());
        assertArrayEquals(a, random.choose(30, 7).indices());
        assertNotEquals(Arrays.toString(a), Arrays.toString(random.choose(30, 8).indices()));
        var error = assertThrows(IllegalArgumentException.class, () -> random.choose(101, 1));
        assertEquals("a support set of 101 points from 100 data points: choose a size in [1, 100]", error.getMessage());
    }

    @Test
    void farthestPointGoesToTheExtremesFirstAndGrowsItsOwnSmallerSets() {
        float[][] line = new float[11][];
        for (int i = 0; i <= 10; i++) {
            line[i] = new float[] {i};
        }
        // from point 5: the farthest is 0 (the first of the two at distance 5), then 10, then 2 or 3 ... 2 (first at 2
        // from 0 and 5)
        assertArrayEquals(new int[] {5, 0, 10, 2}, SupportStrategy.farthestOrder(CodeMatrix.ofRows(line), 4, 5));
        SupportStrategy farthest = SupportStrategy.farthestPoint(CodeMatrix.ofRows(line));
        int[] small = farthest.choose(3, 1).indices();
        int[] large = farthest.choose(6, 1).indices();
        assertArrayEquals(small, Arrays.copyOf(large, 3));
    }

    @Test
    void classStratifiedTakesEqualNumbersFromEachClass() {
        int[] labels = new int[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = i % 3;
        }
        ImageSet data = new ImageSet(new float[60], 60, 1, 1, 1, labels, List.of("a", "b", "c"));
        int[] chosen = SupportStrategy.classStratified(data).choose(10, 3).indices();
        int[] counts = new int[3];
        for (int i : chosen) {
            counts[labels[i]]++;
        }
        Arrays.sort(counts);
        assertArrayEquals(new int[] {3, 3, 4}, counts);
        assertEquals(10, Arrays.stream(chosen).distinct().count());
        ImageSet unlabelled = new ImageSet(new float[4], 4, 1, 1, 1, null, null);
        var error = assertThrows(IllegalArgumentException.class, () -> SupportStrategy.classStratified(unlabelled));
        assertEquals(
                "class-stratified support sets need labelled data; these images have no labels", error.getMessage());
    }

    @Test
    void sectorsUseAsManyVariablesAsTheSizeCanSample() {
        SplittableRandom random = new SplittableRandom(2);
        float[][] codes = new float[2000][8];
        for (float[] code : codes) {
            for (int k = 0; k < 8; k++) {
                code[k] = (float) random.nextGaussian();
            }
        }
        SupportStrategy sectors = SupportStrategy.sectors(CodeMatrix.ofRows(codes), new int[] {3, 1, 4, 0, 2, 5, 6, 7});
        // 4 points: 2 variables (4 sectors), one point in each quadrant of variables 3 and 1
        int[] four = sectors.choose(4, 1).indices();
        Set<String> quadrants = new HashSet<>();
        for (int i : four) {
            quadrants.add((codes[i][3] > 0 ? "+" : "-") + (codes[i][1] > 0 ? "+" : "-"));
        }
        assertEquals(4, quadrants.size(), Arrays.toString(four));
        assertEquals(300, sectors.choose(300, 1).size(), "7 variables at most; the fill rule does the rest");
    }
}
