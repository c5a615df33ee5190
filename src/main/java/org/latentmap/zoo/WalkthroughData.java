package org.latentmap.zoo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.data.CelebA;
import org.latentmap.data.DataException;
import org.latentmap.data.ImageSet;
import org.latentmap.data.TypicalSubset;

/**
 * The images a walkthrough runs on, from a {@link DataSet} (the one {@code LATENTMAP_DATA} names, {@link DataSets}):
 * its training images cut to the profile, its test images, its name in the zoo, and the curated set of the StyleGAN
 * study ({@link #curated}). Fashion-MNIST is embedded; CelebA ({@code CELEBA_DIR}) and a folder of images
 * ({@code IMAGE_DIR}) are decoded once into a cache beside the zoo ({@link #imageCache()}), at 64x64, or 32x32 in the
 * smoke profile ({@link #side}).
 */
public final class WalkthroughData {
    /** The environment variable naming a CelebA-HQ folder for the StyleGAN study. */
    public static final String HQ_FOLDER_VARIABLE = "CELEBA_HQ_DIR";

    private final DataSet dataSet;
    private final Profile profile;
    private final ImageSet train;
    private final ImageSet test;
    private final String source;

    private WalkthroughData(DataSet dataSet, Profile profile, DataSet.Images images) {
        this.dataSet = dataSet;
        this.profile = profile;
        this.train = images.train();
        this.test = images.test();
        this.source = images.source();
    }

    /** The data set of {@code LATENTMAP_DATA}, cut to {@code profile}. */
    public static WalkthroughData current(Profile profile) {
        return of(DataChoice.current(), profile);
    }

    /** {@code choice}'s images, cut to {@code profile}; CelebA needs {@code CELEBA_DIR}, a folder {@code IMAGE_DIR}. */
    public static WalkthroughData of(DataChoice choice, Profile profile) {
        return of(DataSets.of(choice), profile);
    }

    /** Any data set's images, cut to {@code profile}: the built-in ones or one's own. */
    public static WalkthroughData of(DataSet dataSet, Profile profile) {
        dataSet.check();
        return new WalkthroughData(dataSet, profile, dataSet.load(profile));
    }

    /**
     * The data set {@code LATENTMAP_DATA} names, after checking that what it needs can be read: for CelebA,
     * {@code CELEBA_DIR} (and {@value #HQ_FOLDER_VARIABLE} when set) must name folders of images; for a folder,
     * {@code IMAGE_DIR} a folder of enough images. The notebooks' setup calls it, so that a missing folder stops the
     * first cell with what to set.
     */
    public static DataChoice checked() {
        DataChoice choice = DataChoice.current();
        DataSets.of(choice).check();
        return choice;
    }

    /**
     * The side of CelebA's and a folder's images in {@code profile}: the paper's 64, or 32 in the smoke profile, whose
     * only job is to run every cell (the 64x64 networks are tested on their own, and a smoke pass at 64x64 took longer than the test run allows).
     */
    public static int side(Profile profile) {
        return profile == Profile.SMOKE ? 32 : 64;
    }

    /** A folder's training and test images, as cut for a profile ({@link #cut}). */
    record Cut(ImageSet train, ImageSet test) {}

    /**
     * The training images of {@code ranges[0]} (all, or the first 2,048 in the smoke profile) and the test images of
     * {@code ranges[1]} (at most 10,000, or 500 in the smoke profile), read by {@code load} ([from, to) at
     * {@code side} pixels) once the heap is known to hold them ({@link #requireHeap}).
     */
    static Cut cut(Profile profile, int[][] ranges, int side, BiFunction<Integer, Integer, ImageSet> load) {
        int trainTo = Math.min(ranges[0][1], ranges[0][0] + profile.pick(Integer.MAX_VALUE, 2048));
        int testTo = Math.min(ranges[1][1], ranges[1][0] + profile.pick(10_000, 500));
        long images = (trainTo - ranges[0][0]) + (testTo - ranges[1][0]);
        requireHeap(images * 3L * side * side, Runtime.getRuntime().maxMemory());
        return new Cut(load.apply(ranges[0][0], trainTo), load.apply(ranges[1][0], testTo));
    }

    /**
     * Refuses to start decoding when twice {@code bytes} of images (the bytes and their working copies) and half a
     * GiB do not fit the JVM's heap, saying how to give it more (rather than running out of memory minutes later).
     */
    static void requireHeap(long bytes, long maxHeap) {
        long needed = 2 * bytes + (1L << 29);
        if (maxHeap < needed) {
            throw new DataException(String.format(
                    Locale.ROOT,
                    "these images take %.1f GiB as bytes and this JVM's heap is %.1f GiB: give it at least %.0f GiB"
                            + " (for the notebooks: LATENTMAP_DATA=celeba environment/setup.sh sets the kernel's heap to"
                            + " 8 GiB, LATENTMAP_KERNEL_HEAP=12g environment/setup.sh another; for the zoo command:"
                            + " java -Xmx8g ...)",
                    bytes / (double) (1L << 30),
                    maxHeap / (double) (1L << 30),
                    Math.ceil(needed / (double) (1L << 30))));
        }
    }

    /** [from, to) of the training and the test images of a CelebA folder of {@code size} images. */
    static int[][] splits(int size) {
        if (size > CelebA.TEST_START) {
            return new int[][] {{0, CelebA.VALIDATION_START}, {CelebA.TEST_START, size}};
        }
        if (size < 10) {
            throw new DataException("the CelebA folder has " + size + " images: at least 10 are needed to hold out"
                    + " test images (the full img_align_celeba folder has 202,599)");
        }
        return proportionalSplits(size);
    }

    /** [from, to) of the first 80% of {@code size} images (training) and of the last 10% (test), in file order. */
    public static int[][] proportionalSplits(int size) {
        int trainEnd = (int) (size * 0.8);
        int testStart = (int) Math.ceil(size * 0.9);
        return new int[][] {{0, trainEnd}, {testStart, size}};
    }

    /**
     * Where decoded CelebA and folder images are kept: {@code images} beside the standard zoo's folder
     * ({@code ~/.cache/latentmap/images}, or beside {@code LATENTMAP_ZOO}).
     */
    public static Path imageCache() {
        return ModelZoo.standardFolder().toAbsolutePath().resolveSibling("images");
    }

    /** The data set these images come from. */
    public DataSet dataSet() {
        return dataSet;
    }

    /** The data set's name in the zoo and in file names: "fashion-mnist", "celeba", "folder-faces-1a2b3c4d". */
    public String key() {
        return dataSet.key();
    }

    /** The data set's name in text. */
    public String displayName() {
        return dataSet.displayName();
    }

    /** Whether the images carry class labels (Fashion-MNIST does, CelebA here does not). */
    public boolean labelled() {
        return train.hasLabels();
    }

    /** The training images, cut to the profile (the first 2,048 in the smoke profile). */
    public ImageSet train() {
        return train;
    }

    /** The test images (for CelebA at most 10,000, 500 in the smoke profile). */
    public ImageSet test() {
        return test;
    }

    /**
     * The test images relocations are measured on (notebooks 04-09): the first 2,000 test images, 100 in the smoke
     * profile. One definition, so that the codes a cluster's encoding units store are the ones the notebooks read.
     */
    public ImageSet relocationTest() {
        return test.head(profile.pick(2000, 100));
    }

    /** The name of the file a support set selected on these data is saved to: "celeba-split-vae-seed1.txt". */
    public String supportSetFile() {
        return key() + "-split-vae-seed1.txt";
    }

    /**
     * The curated set the StyleGAN of paper Sect. 7 trains on and its random control of the same size: CelebA-HQ
     * (its crop framing faces as CelebA's does) when {@value #HQ_FOLDER_VARIABLE} names a folder and the data set is
     * CelebA, else the typical half of the training images ({@link TypicalSubset}), the stand-in.
     */
    public CuratedData curated() {
        TypicalSubset typical = TypicalSubset.of(train, 0.5);
        TypicalSubset randomHalf = TypicalSubset.randomControl(train, 0.5, 1);
        Optional<Path> hq = dataSet instanceof CelebAData ? CelebAData.hqFolder() : Optional.empty();
        if (hq.isEmpty()) {
            return new CuratedData(
                    "the typical half of the " + displayName()
                            + " training images (TypicalSubset), standing for CelebA-HQ"
                            + (dataSet instanceof CelebAData ? " (" + HQ_FOLDER_VARIABLE + " is not set)" : ""),
                    key() + "-typical-50",
                    typical.images(train),
                    key() + "-random-50",
                    randomHalf.images(train),
                    typical,
                    randomHalf);
        }
        CelebA folder = CelebAData.openHq(hq.get()).cachedIn(imageCache()).resizedTo(side(profile));
        ImageSet images = folder.load(0, Math.min(folder.size(), profile.pick(30_000, 64)));
        int[] drawn = new SplittableRandom(1)
                .ints(0, train.size())
                .distinct()
                .limit(Math.min(images.size(), train.size()))
                .sorted()
                .toArray();
        return new CuratedData(
                String.format(
                        Locale.ROOT,
                        "%,d CelebA-HQ images from %s, cropped to CelebA's framing (Sect. 4.3)",
                        images.size(),
                        folder.folder()),
                "celeba-hq",
                images,
                key() + "-random-" + drawn.length,
                train.select(drawn),
                typical,
                randomHalf);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s: %,d training images%s, %,d test images, %s%s, %s",
                source,
                train.size(),
                profile == Profile.SMOKE ? " (smoke profile: at most 2,048)" : "",
                test.size(),
                train.channels() + "x" + train.height() + "x" + train.width(),
                !(dataSet instanceof FashionMnistData) && profile == Profile.SMOKE
                        ? " (the smoke profile's side; the paper's is 64)"
                        : "",
                labelled() ? "labelled (" + train.classNames().size() + " classes)" : "no labels");
    }
}
