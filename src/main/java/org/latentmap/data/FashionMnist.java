package org.latentmap.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017), latentmap's default data set: 70,000 grey 28x28 images
 * of ten kinds of garment, shipped as 60,000 for training and 10,000 for testing. Read from the IDX files
 * of Debian's {@code dataset-fashion-mnist} package or from any folder holding the same files, scaled to
 * [0, 1] and padded with black to 32x32, the size every model here takes.
 */
public final class FashionMnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    /** The environment variable that names another folder holding the files. */
    public static final String FOLDER_VARIABLE = "FASHION_MNIST_DIR";

    /** Side of the padded images. */
    public static final int SIZE = 32;

    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {}

    /** The training split (60,000 images) from the default folder. */
    public static ImageSet train() {
        return load(defaultFolder(), Split.TRAIN);
    }

    /** The test split (10,000 images) from the default folder. */
    public static ImageSet test() {
        return load(defaultFolder(), Split.TEST);
    }

    /** The folder named by {@value #FOLDER_VARIABLE}, or Debian's. */
    public static Path defaultFolder() {
        String named = System.getenv(FOLDER_VARIABLE);
        return named == null || named.isBlank() ? DEBIAN_FOLDER : Path.of(named);
    }

    /** Reads one split from a folder holding {@code train-images-idx3-ubyte[.gz]} and its siblings. */
    public static ImageSet load(Path folder, Split split) {
        if (split == Split.VALIDATION) {
            throw new DataException("Fashion-MNIST ships only a train and a test split; take a validation set "
                    + "from the training images (for example ImageSet.select) if you need one");
        }
        if (!Files.isDirectory(folder)) {
            throw new DataException("Fashion-MNIST is not installed: folder " + folder + " does not exist. Install it "
                    + "with 'sudo apt-get install dataset-fashion-mnist' (or run environment/setup.sh), or set "
                    + FOLDER_VARIABLE + " to a folder holding the four *-ubyte.gz files.");
        }
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        IdxFile images = IdxFile.read(find(folder, prefix + "-images-idx3-ubyte"));
        IdxFile labels = IdxFile.read(find(folder, prefix + "-labels-idx1-ubyte"));
        return toImageSet(images, labels, folder);
    }

    private static Path find(Path folder, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            Path file = folder.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DataException("Fashion-MNIST file " + name + "(.gz) is missing from " + folder
                + ". The folder must hold train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                + "t10k-labels-idx1-ubyte, gzipped or not ('sudo apt-get install dataset-fashion-mnist' puts them in "
                + DEBIAN_FOLDER + ").");
    }

    static ImageSet toImageSet(IdxFile images, IdxFile labels, Path folder) {
        int[] dims = images.dimensions();
        if (dims.length != 3) {
            throw new DataException("the image file in " + folder + " has " + dims.length
                    + " dimensions; Fashion-MNIST images have 3 (count, rows, columns)");
        }
        if (labels.rank() != 1 || labels.count() != images.count()) {
            throw new DataException("the label file in " + folder + " holds " + labels.count() + " labels for "
                    + images.count() + " images: the two files do not belong together");
        }
        int n = dims[0];
        int rows = dims[1];
        int cols = dims[2];
        if (rows > SIZE || cols > SIZE) {
            throw new DataException(
                    "images of " + rows + "x" + cols + " do not fit the " + SIZE + "x" + SIZE + " frame");
        }
        int top = (SIZE - rows) / 2;
        int left = (SIZE - cols) / 2;
        ImageBytes pixels = ImageBytes.of(n, 1, SIZE, SIZE);
        byte[] image = new byte[SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            int source = i * rows * cols;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    image[(y + top) * SIZE + x + left] = (byte) images.unsigned(source + y * cols + x);
                }
            }
            pixels.put(i, image);
        }
        int[] labelValues = labels.unsignedValues();
        for (int label : labelValues) {
            if (label >= CLASS_NAMES.size()) {
                throw new DataException("label " + label + " in " + folder + " is not a Fashion-MNIST class (0-9)");
            }
        }
        return pixels.toImageSet(labelValues, CLASS_NAMES);
    }
}
