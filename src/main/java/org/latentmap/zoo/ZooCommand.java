package org.latentmap.zoo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentmap.AtomicFile;
import org.latentmap.DataChoice;
import org.latentmap.Profile;
import org.latentmap.data.ImageSet;
import org.latentmap.engine.Allotment;
import org.latentmap.engine.Numerics;

/**
 * Trains (or loads) zoo models from a terminal, on the walkthrough's data ({@link WalkthroughData}):
 * {@code java -cp 'target/latentmap.jar:target/lib/*' org.latentmap.zoo.ZooCommand [--profile full|smoke|paper]
 * [--data fashion-mnist|celeba] [--family vae|gan|split-vae]... [--seed N]... [--record FILE]}. Without families or
 * seeds: all 15 models. Each model's check (health, reproducibility record, earlier trainings) is printed at the end;
 * {@code --record FILE} writes the models' checkpoint hashes as a reproducibility record (what ships in
 * {@value ReproducibilityRecord#RESOURCE}, made from a clean run). CelebA's training split takes 2 GB as bytes: give
 * the JVM {@code -Xmx8g} (README).
 */
public final class ZooCommand {
    private ZooCommand() {}

    public static void main(String[] args) {
        Allotment.prepareProcess(); // before the engine loads
        Profile profile = Profile.current();
        DataChoice data = DataChoice.current();
        List<ModelFamily> families = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        Path record = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--profile" -> profile = Profile.parse(require(args[i], value));
                case "--data" -> data = DataChoice.parse(require(args[i], value));
                case "--family" -> families.add(ModelFamily.parse(require(args[i], value)));
                case "--seed" -> seeds.add(Long.parseLong(require(args[i], value)));
                case "--record" -> record = Path.of(require(args[i], value));
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; use --profile P, --data D, --family F, --seed N, --record FILE");
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
        System.out.println("this machine: " + Numerics.current().signature());
        long started = System.nanoTime();
        List<TrainedModel> models = zoo.all(
                families.isEmpty() ? ModelFamily.COMPARED : families,
                seeds.isEmpty() ? ModelZoo.seeds(profile) : seeds,
                profile,
                walkthrough.key(),
                train);
        System.out.printf("%d models ready in %.0f s%n", models.size(), (System.nanoTime() - started) / 1e9);
        List<String> lines = new ArrayList<>(List.of(ReproducibilityRecord.header()));
        for (ModelCheck check : zoo.checks()) {
            System.out.println(check.line());
            TrainedModel m = check.model();
            lines.add(ReproducibilityRecord.Entry.of(
                            m.dataset(),
                            m.profile(),
                            m.family(),
                            m.seed(),
                            check.description(),
                            check.sha256(),
                            Numerics.current().signature())
                    .line());
        }
        if (record != null) {
            try {
                byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(record, channel -> channel.write(ByteBuffer.wrap(text)));
            } catch (IOException e) {
                System.err.println("cannot write the record " + record + ": " + e.getMessage());
                System.exit(1);
            }
            System.out.println("reproducibility record of " + (lines.size() - 1) + " models written to " + record);
        }
    }

    private static String require(String flag, String value) {
        if (value == null) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
