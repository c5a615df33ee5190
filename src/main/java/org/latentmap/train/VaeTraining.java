package org.latentmap.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import org.latentmap.model.GammaBalance;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Vae;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Trains the vanilla VAE (paper Sect. 4.2) with gamma balancing: loss = sum of squared errors / (2 gamma^2)
 * + KL, where gamma^2 is the running minimum of the batch's mean squared error per pixel.
 */
public final class VaeTraining implements Trainable {
    private final Vae vae;
    private final Adam encoderOptimizer;
    private final Adam decoderOptimizer;
    private final GammaBalance gamma = GammaBalance.vanilla();

    public VaeTraining(Vae vae, TrainingPlan plan) {
        this.vae = vae;
        this.encoderOptimizer = new Adam(vae.encoder().trainableParameters(), plan.learningRate(), 0.9, 0.999);
        this.decoderOptimizer = new Adam(vae.decoder().trainableParameters(), plan.learningRate(), 0.9, 0.999);
    }

    @Override
    public LatentModel model() {
        return vae;
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss", "mse", "kl");
    }

    @Override
    public double[] step(NDArray batch, long step) {
        double[] losses;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList posterior = vae.posterior(batch, true);
            NDArray noise = batch.getManager().randomNormal(posterior.get(0).getShape());
            NDArray codes = Losses.reparameterise(posterior.get(0), posterior.get(1), noise);
            NDArray output = vae.decode(codes, true);
            NDArray sse = Losses.sumSquaredError(batch, output);
            double mse = TrainingDiverged.check(step, "reconstruction", sse.getFloat() * batch.getShape().get(0) / batch.getShape().size());
            double gamma2 = gamma.update(mse);
            NDArray kl = Losses.kl(posterior.get(0), posterior.get(1));
            NDArray loss = sse.div((float) (2 * gamma2)).add(kl);
            double value = TrainingDiverged.check(step, "VAE", loss.getFloat());
            collector.backward(loss);
            losses = new double[] {value, mse, kl.getFloat()};
        }
        encoderOptimizer.step();
        decoderOptimizer.step();
        return losses;
    }

    /** The current gamma^2. */
    public double gammaSquared() {
        return gamma.gamma();
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        vae.encoder().save(out);
        vae.decoder().save(out);
        encoderOptimizer.save(out);
        decoderOptimizer.save(out);
        out.writeDouble(gamma.gamma());
        out.writeDouble(gamma.runningMse());
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        vae.encoder().load(in);
        vae.decoder().load(in);
        encoderOptimizer.load(in);
        decoderOptimizer.load(in);
        double g = in.readDouble();
        gamma.restore(g, in.readDouble());
    }
}
