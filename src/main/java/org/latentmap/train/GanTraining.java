package org.latentmap.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.latentmap.engine.Tensors;
import org.latentmap.model.Adversarial;
import org.latentmap.model.Gan;
import org.latentmap.model.LatentModel;

/**
 * Trains an {@link Adversarial} model, the GAN (paper Sect. 4.2) or the StyleGAN (Sect. 7), and then its
 * re-coder. Adversarial steps: the discriminator on a real and a generated batch (binary cross-entropy on
 * its logits), then the generator, with the discriminator frozen, to make the discriminator say "real": with
 * labels 1 and 0 this is the non-saturating logistic loss of StyleGAN. Adam with beta1 = 0.5, as in DCGAN, at the
 * plan's rate: the GAN's full profile uses 1e-3, five times DCGAN's 2e-4, because in a budget of 2,400 steps (2.6
 * epochs) the faster rate is what turns plaid textures into garments (measured on 1 December 2026, seed 1, 1,200
 * steps: 2e-4 gave textured blocks, 5e-4 and 1e-3 trousers, shirts, sneakers and boots, 2e-3 noisier again).
 * The GAN's real images are labelled 0.9, not 1 ({@link #forGan}), which keeps the discriminator from
 * winning outright in short CPU trainings. After {@code plan.steps()} adversarial steps,
 * {@code plan.recoderSteps()} steps train the re-coder alone on fresh pairs (code, image of the code), the
 * generator frozen, with Adam at 1e-3 decaying linearly to zero. Its loss is the paper's mean squared error
 * on the code plus {@value #RECODER_IMAGE_WEIGHT} times the mean squared error between the sample and the
 * generator's image of the predicted code (a hybrid inverter, paper Sect. 2.2.1): still trained only on the
 * model's own samples, but judged by what the relocations use, the image. Measured on the full profile's GAN
 * seed 1 (test images, 1,000 steps): the code loss alone reconstructs at R-MSE 0.054, with the image term 0.023.
 */
public final class GanTraining implements Trainable {
    /** One-sided label smoothing (Salimans et al., 2016): the discriminator aims at 0.9 on real images. */
    static final float REAL_TARGET = 0.9f;
    /** Weight of the image term in the re-coder's loss (its code term is about 0.5, its image term about 0.01). */
    static final float RECODER_IMAGE_WEIGHT = 30f;

    private final Adversarial gan;
    private final float realTarget;
    private final int adversarialSteps;
    private final int recoderSteps;
    private final Adam generatorOptimizer;
    private final Adam discriminatorOptimizer;
    private final Adam recoderOptimizer;

    /** The GAN's training: one-sided label smoothing at {@value #REAL_TARGET}. */
    public static GanTraining forGan(Gan gan, TrainingPlan plan) {
        return new GanTraining(gan, plan, REAL_TARGET);
    }

    /** Trains {@code model}, labelling real images {@code realTarget} for the discriminator (1: the plain logistic loss). */
    public GanTraining(Adversarial model, TrainingPlan plan, float realTarget) {
        if (!(realTarget > 0.5f && realTarget <= 1f)) {
            throw new IllegalArgumentException(
                    "the discriminator's target for real images is in (0.5, 1], got " + realTarget);
        }
        this.gan = model;
        this.realTarget = realTarget;
        this.adversarialSteps = plan.steps();
        this.recoderSteps = plan.recoderSteps();
        this.generatorOptimizer = new Adam(gan.generatorParameters(), plan.learningRate(), 0.5, 0.999);
        this.discriminatorOptimizer =
                new Adam(gan.discriminator().trainableParameters(), plan.learningRate(), 0.5, 0.999);
        this.recoderOptimizer = new Adam(gan.recoder().trainableParameters(), 1e-3, 0.9, 0.999);
    }

    @Override
    public LatentModel model() {
        return gan;
    }

    @Override
    public String recipe() {
        return "GAN training v1: logistic losses, real images labelled " + realTarget
                + ", Adam (0.5, 0.999); re-coder: code MSE + " + RECODER_IMAGE_WEIGHT
                + " x image MSE of G(R(G(z))), generator frozen, Adam 1e-3 decaying linearly";
    }

    @Override
    public List<String> lossNames() {
        return List.of("discriminator", "generator", "recoder");
    }

    @Override
    public double[] step(NDArray batch, long step) {
        return step < adversarialSteps ? adversarial(batch, step) : recoder(batch, step);
    }

    private double[] adversarial(NDArray real, long step) {
        NDManager manager = real.getManager();
        Shape codes = new Shape(real.getShape().get(0), gan.noiseSize());
        double discriminatorLoss;
        // the generated batch is made outside the collector: nothing of the generator is recorded for this step
        NDArray fake = gan.generate(manager.randomNormal(codes), true);
        NDArray signedReal = Gan.toSigned(real);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = Losses.binaryCrossEntropy(gan.discriminator().forward(signedReal, true), realTarget)
                    .add(Losses.binaryCrossEntropy(gan.discriminator().forward(fake, true), 0f));
            discriminatorLoss = TrainingDiverged.check(step, "discriminator", loss.getFloat());
            collector.backward(loss);
        }
        discriminatorOptimizer.step();
        double generatorLoss;
        // the discriminator is frozen for the generator's step: its weights' gradients are not computed
        discriminatorOptimizer.requireGradients(false);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray generated = gan.generate(manager.randomNormal(codes), true);
            NDArray loss = Losses.binaryCrossEntropy(gan.discriminator().forward(generated, true), 1f);
            generatorLoss = TrainingDiverged.check(step, "generator", loss.getFloat());
            collector.backward(loss);
        } finally {
            discriminatorOptimizer.requireGradients(true);
        }
        generatorOptimizer.step();
        return new double[] {discriminatorLoss, generatorLoss, Double.NaN};
    }

    private double[] recoder(NDArray batch, long step) {
        NDManager manager = batch.getManager();
        NDArray codes = gan.recoderTarget(
                manager.randomNormal(new Shape(batch.getShape().get(0), gan.noiseSize())));
        NDArray images = gan.decode(codes);
        double value;
        // the generator is frozen: the image term's gradient flows through it into the re-coder only
        generatorOptimizer.requireGradients(false);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray predicted = gan.recoder().forward(images, true);
            NDArray loss = Losses.meanSquaredError(predicted, codes)
                    .add(Losses.meanSquaredError(gan.decode(predicted), images)
                            .mul(Tensors.scalar(images, RECODER_IMAGE_WEIGHT)));
            value = TrainingDiverged.check(step, "recoder", loss.getFloat());
            collector.backward(loss);
        } finally {
            generatorOptimizer.requireGradients(true);
        }
        recoderOptimizer.step(1 - (double) (step - adversarialSteps) / recoderSteps);
        return new double[] {Double.NaN, Double.NaN, value};
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        for (var network : gan.networks()) {
            network.save(out);
        }
        generatorOptimizer.save(out);
        discriminatorOptimizer.save(out);
        recoderOptimizer.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        for (var network : gan.networks()) {
            network.load(in);
        }
        generatorOptimizer.load(in);
        discriminatorOptimizer.load(in);
        recoderOptimizer.load(in);
    }
}
