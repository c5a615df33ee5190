package org.latentmap.zoo;

import java.util.ArrayList;
import java.util.List;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;

/**
 * Trains (or loads) zoo models from a terminal, on Fashion-MNIST:
 * {@code java -cp 'target/latentmap.jar:target/lib/*' org.latentmap.zoo.ZooCommand [--profile full|smoke|paper]
 * [--family vae|gan|split-vae]... [--seed N]...}. Without families or seeds: all 15 models.
 */
public final class ZooCommand {
    private ZooCommand() {}

    public static void main(String[] args) {
        Profile profile = Profile.current();
        List<ModelFamily> families = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--profile" -> profile = Profile.parse(require(args[i], value));
                case "--family" -> families.add(ModelFamily.parse(require(args[i], value)));
                case "--seed" -> seeds.add(Long.parseLong(require(args[i], value)));
                default -> {
                    System.err.println("unknown argument " + args[i] + "; use --profile P, --family F, --seed N");
                    System.exit(2);
                }
            }
            i++;
        }
        if (families.contains(ModelFamily.STYLE_GAN)) {
            System.err.println(
                    "the StyleGAN trains on a curated subset of the data, not with the paper's 15 models: train it from notebook 07");
            System.exit(2);
        }
        ImageSet train = TrainingData.fashionMnist(profile);
        ModelZoo zoo = ModelZoo.standard();
        System.out.println("zoo " + zoo.folder() + ", profile " + profile + ", " + train);
        long started = System.nanoTime();
        List<TrainedModel> models = zoo.all(
                families.isEmpty() ? ModelFamily.COMPARED : families,
                seeds.isEmpty() ? ModelZoo.SEEDS : seeds,
                profile,
                TrainingData.FASHION_MNIST,
                train);
        System.out.printf("%d models ready in %.0f s%n", models.size(), (System.nanoTime() - started) / 1e9);
    }

    private static String require(String flag, String value) {
        if (value == null) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
