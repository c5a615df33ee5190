package org.latentmap.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentmap.Profile;
import org.latentmap.data.CelebA;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Allotment;
import org.latentmap.engine.GradMode;
import org.latentmap.model.LatentModel;
import org.latentmap.train.Trainable;
import org.latentmap.train.TrainingPlan;
import org.latentmap.zoo.ModelFamilies;
import org.latentmap.zoo.ModelFamily;
import org.latentmap.zoo.ModelZoo;

/**
 * What the walkthrough costs on CelebA, measured on a few thousand images of a CelebA folder and extrapolated
 * (README, "Bringing CelebA"): decoding and cropping a JPEG, a training step of each family at 3x64x64 (batch
 * 64, the re-coder's step for the GANs), encoding an image; then the hours each profile's trainings take.
 * Usage: {@code CelebACost FOLDER [IMAGES [STEPS]]} (defaults 2000 images, 20 timed steps).
 */
public final class CelebACost {
    private static final int FULL_CELEBA = 202_599;
    private static final int TRAIN_CELEBA = CelebA.VALIDATION_START;

    private CelebACost() {}

    public static void main(String[] args) {
        Allotment.prepareProcess(); // before the engine loads: timed as the walkthrough runs
        Path folder = Path.of(args[0]);
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        CelebA celeba = CelebA.aligned(folder);
        images = Math.min(images, celeba.size());
        long started = System.nanoTime();
        ImageSet set = celeba.load(0, images);
        double decode = (System.nanoTime() - started) / 1e9 / images;
        System.out.println(String.format(
                Locale.ROOT,
                "decoding and cropping: %.2f ms per image; all %,d images of CelebA: %.1f minutes (once: then cached)",
                decode * 1e3,
                FULL_CELEBA,
                decode * FULL_CELEBA / 60));
        List<String> lines = new ArrayList<>();
        double fullHours = 0;
        double paperHours = 0;
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (ModelFamily family : ModelFamilies.builtIn()) {
                TrainingPlan full = family.plan(Profile.FULL, 1);
                TrainingPlan paper = family.plan(Profile.PAPER, 1);
                LatentModel model = family.create("cost", manager, new Shape(3, 64, 64), 1);
                TrainingPlan timed = new TrainingPlan(
                        steps + 3,
                        full.recoderSteps() > 0 ? steps + 3 : 0,
                        full.batchSize(),
                        full.learningRate(),
                        1000,
                        1);
                Trainable trainable = family.training(model, timed);
                NDArray batch = set.toNDArray(manager, 0, Math.min(set.size(), full.batchSize()));
                double step = time(trainable, manager, batch, 0, steps);
                double recoder = full.recoderSteps() > 0 ? time(trainable, manager, batch, steps + 3, steps) : 0;
                double encode = encodeSeconds(model, manager, set);
                double fullSeconds = full.steps() * step + full.recoderSteps() * recoder;
                double paperSeconds = paper.steps() * step + paper.recoderSteps() * recoder;
                int trained = family == ModelFamily.STYLE_GAN ? 1 : ModelZoo.SEEDS.size();
                fullHours += trained * fullSeconds / 3600;
                paperHours += trained * paperSeconds / 3600;
                lines.add(String.format(
                        Locale.ROOT,
                        "%-10s step %6.0f ms%s; encoding %.2f ms per image (the %,d training images: %.1f min); "
                                + "full %,d steps: %.0f min per model, paper %,d steps: %.1f h per model",
                        family.displayName(),
                        step * 1e3,
                        recoder > 0 ? String.format(Locale.ROOT, " (re-coder %.0f ms)", recoder * 1e3) : "",
                        encode * 1e3,
                        TRAIN_CELEBA,
                        encode * TRAIN_CELEBA / 60,
                        full.steps() + full.recoderSteps(),
                        fullSeconds / 60,
                        paper.steps() + paper.recoderSteps(),
                        paperSeconds / 3600));
                System.out.println(lines.get(lines.size() - 1));
            }
        }
        System.out.println(String.format(
                Locale.ROOT,
                "trainings (5 seeds of VAE, GAN, Split-VAE and one StyleGAN; notebook 07 trains a second as its control):"
                        + " full profile %.1f h, paper profile %.1f h",
                fullHours,
                paperHours));
    }

    private static double time(Trainable trainable, NDManager manager, NDArray data, long first, int steps) {
        for (int i = 0; i < 3; i++) {
            TrainingStepBenchmark.step(trainable, manager, data, first + i);
        }
        long started = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            TrainingStepBenchmark.step(trainable, manager, data, first + 3 + i);
        }
        return (System.nanoTime() - started) / 1e9 / steps;
    }

    private static double encodeSeconds(LatentModel model, NDManager manager, ImageSet set) {
        int count = Math.min(set.size(), 512);
        long started = System.nanoTime();
        for (int from = 0; from < count; from += 128) {
            try (NDManager scope = manager.newSubManager()) {
                model.encode(set.toNDArray(scope, from, Math.min(count, from + 128)));
            }
        }
        return (System.nanoTime() - started) / 1e9 / count;
    }
}
