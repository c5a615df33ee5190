package org.latentmap.relocation;

import java.util.Locale;
import java.util.stream.IntStream;
import org.latentmap.data.ImageSet;
import org.latentmap.support.SupportSet;

/**
 * Which training images a relocation map is fitted on (paper Sect. 6): the support set, or all the training
 * data. Holds their indices into the training set and a label for tables.
 */
public final class FitPoints {
    /** How a label of the support set's points begins: "support set (150)". */
    public static final String SUPPORT_SET = "support set";
    /** How a label of all the training data begins: "all data (60,000)". */
    public static final String ALL_DATA = "all data";

    private final int[] indices;
    private final String label;
    private final boolean all;

    private FitPoints(int[] indices, String label, boolean all) {
        this.indices = indices;
        this.label = label;
        this.all = all;
    }

    /** The images of a support set. */
    public static FitPoints supportSet(SupportSet support) {
        return new FitPoints(
                support.indices(), String.format(Locale.ROOT, SUPPORT_SET + " (%d)", support.size()), false);
    }

    /** Every image of the training set. */
    public static FitPoints allOf(ImageSet train) {
        return new FitPoints(
                IntStream.range(0, train.size()).toArray(),
                String.format(Locale.ROOT, ALL_DATA + " (%,d)", train.size()),
                true);
    }

    public int[] indices() {
        return indices.clone();
    }

    public int size() {
        return indices.length;
    }

    /** True when these are all the training images (their codes are worth caching). */
    public boolean isAll() {
        return all;
    }

    /** Such as "support set (150)" or "all data (60,000)". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
