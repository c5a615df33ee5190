package org.latentmap.zoo;

import java.util.ArrayList;
import java.util.List;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;

/**
 * Trains (or loads) zoo models from a terminal, on the walkthrough's data ({@link WalkthroughData}):
 * {@code java -cp 'target/latentmap.jar:target/lib/*' org.latentmap.zoo.ZooCommand [--profile full|smoke|paper]
 * [--data fashion-mnist|celeba] [--family vae|gan|split-vae]... [--seed N]...}. Without families or seeds: all 15
 * models. CelebA's training split takes 2 GB as bytes: give the JVM {@code -Xmx8g} (README).
 */
public final class ZooCommand {
    private ZooCommand() {}

    public static void main(String[] args) {
        Profile profile = Profile.current();
        DataChoice data = DataChoice.current();
        List<ModelFamily> families = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--profile" -> profile = Profile.parse(require(args[i], value));
                case "--data" -> data = DataChoice.parse(require(args[i], value));
                case "--family" -> families.add(ModelFamily.parse(require(args[i], value)));
                case "--seed" -> seeds.add(Long.parseLong(require(args[i], value)));
                default -> {
                    System.err.println(
                            "unknown argument " + args[i] + "; use --profile P, --data D, --family F, --seed N");
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
        WalkthroughData walkthrough = WalkthroughData.of(data, profile);
        ImageSet train = walkthrough.train();
        ModelZoo zoo = ModelZoo.standard();
        System.out.println("zoo " + zoo.folder() + ", profile " + profile + ", " + walkthrough);
        long started = System.nanoTime();
        List<TrainedModel> models = zoo.all(
                families.isEmpty() ? ModelFamily.COMPARED : families,
                seeds.isEmpty() ? ModelZoo.seeds(profile) : seeds,
                profile,
                walkthrough.key(),
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
