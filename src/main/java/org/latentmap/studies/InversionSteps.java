package org.latentmap.studies;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.GradMode;
import org.latentmap.metrics.Stats;
import org.latentmap.model.diffusion.Diffusion;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * How faithfully a diffusion model's DDIM inversion gives an image back, against the number of steps (issue 33):
 * each image inverted to its noise and drawn again with the same steps, the reconstruction error per pixel, and the
 * time per image each way (one U-Net pass per step). DDIM's inversion is exact only in the limit of small steps.
 */
public final class InversionSteps {
    /** Notebook 08b's table. */
    public static final ResultFile FILE = new ResultFile("ddim-inversion-steps.csv", "notebook 08b");

    /** Column names. */
    public static final String STEPS = "DDIM steps",
            R_MSE = "R-MSE",
            ENCODE_MS = "encode ms/image",
            DECODE_MS = "decode ms/image";

    private InversionSteps() {}

    /** One row per number of steps: R-MSE on {@code images} and the milliseconds per image each way. */
    public static Table of(Diffusion model, ImageSet images, int... steps) {
        GradMode.offForThisThread();
        IntColumn stepColumn = IntColumn.create(STEPS);
        DoubleColumn error = DoubleColumn.create(R_MSE);
        DoubleColumn encode = DoubleColumn.create(ENCODE_MS);
        DoubleColumn decode = DoubleColumn.create(DECODE_MS);
        for (int s : steps) {
            Diffusion withSteps = model.withSteps(s);
            double squared = 0;
            long encodeNanos = 0;
            long decodeNanos = 0;
            for (int from = 0; from < images.size(); from += 256) {
                int to = Math.min(images.size(), from + 256);
                try (NDManager manager = NDManager.newBaseManager()) {
                    NDArray x = images.toNDArray(manager, from, to);
                    long t0 = System.nanoTime();
                    NDArray codes = withSteps.encode(x);
                    long t1 = System.nanoTime();
                    NDArray back = withSteps.decode(codes);
                    long t2 = System.nanoTime();
                    squared += back.sub(x).square().sum().getFloat();
                    encodeNanos += t1 - t0;
                    decodeNanos += t2 - t1;
                }
            }
            stepColumn.append(s);
            error.append(Stats.significant(squared / ((double) images.size() * model.latentSize()), 4));
            encode.append(Stats.significant(encodeNanos / 1e6 / images.size(), 3));
            decode.append(Stats.significant(decodeNanos / 1e6 / images.size(), 3));
        }
        return Table.create(
                "DDIM inversion of " + model.name() + " against its steps", stepColumn, error, encode, decode);
    }
}
