package org.latentmap.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.latentmap.engine.Tensors;
import org.latentmap.model.GammaBalance;
import org.latentmap.model.LatentModel;
import org.latentmap.model.VariationalModel;

/**
 * Trains either VAE of paper Sect. 4.2 with gamma balancing: loss = 0.5 x sum (x - x_hat)^2 / gamma + KL,
 * gamma being a mean squared error per pixel that only goes down. The two models differ in how gamma
 * follows the batches ({@link GammaBalance#vanilla()}: the running minimum, the vanilla VAE's
 * 1 / (2 gamma^2) weighting; {@link GammaBalance#splitVae()}: the minimum of a running mean).
 */
public final class VaeTraining implements Trainable {
    private final VariationalModel model;
    private final GammaBalance gamma;
    private final Adam encoderOptimizer;
    private final Adam decoderOptimizer;

    public VaeTraining(VariationalModel model, TrainingPlan plan, GammaBalance gamma) {
        this.model = model;
        this.gamma = gamma;
        this.encoderOptimizer = new Adam(model.encoder().trainableParameters(), plan.learningRate(), 0.9, 0.999);
        this.decoderOptimizer = new Adam(model.decoder().trainableParameters(), plan.learningRate(), 0.9, 0.999);
    }

    @Override
    public LatentModel model() {
        return model;
    }

    @Override
    public String recipe() {
        return "VAE training v1: 0.5 x squared error / gamma + KL, " + gamma + ", Adam (0.9, 0.999) per network";
    }

    @Override
    public List<String> lossNames() {
        return List.of("loss", "mse", "kl");
    }

    @Override
    public double[] step(NDArray batch, long step) {
        double[] losses;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList posterior = model.posterior(batch, true);
            NDArray noise = batch.getManager().randomNormal(posterior.get(0).getShape());
            NDArray codes = Losses.reparameterise(posterior.get(0), posterior.get(1), noise);
            NDArray output = model.decode(codes, true);
            NDArray sse = Losses.sumSquaredError(batch, output);
            double mse = TrainingDiverged.check(
                    step,
                    "reconstruction",
                    sse.getFloat() * batch.getShape().get(0) / batch.getShape().size());
            double g = gamma.update(mse);
            NDArray kl = Losses.kl(posterior.get(0), posterior.get(1));
            NDArray loss = sse.div(Tensors.scalar(sse, (float) (2 * g))).add(kl);
            double value = TrainingDiverged.check(step, "VAE", loss.getFloat());
            collector.backward(loss);
            losses = new double[] {value, mse, kl.getFloat()};
        }
        encoderOptimizer.step();
        decoderOptimizer.step();
        return losses;
    }

    /** The current gamma (a mean squared error per pixel). */
    public double gamma() {
        return gamma.gamma();
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        model.encoder().save(out);
        model.decoder().save(out);
        encoderOptimizer.save(out);
        decoderOptimizer.save(out);
        out.writeDouble(gamma.gamma());
        out.writeDouble(gamma.runningMse());
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        model.encoder().load(in);
        model.decoder().load(in);
        encoderOptimizer.load(in);
        decoderOptimizer.load(in);
        double g = in.readDouble();
        gamma.restore(g, in.readDouble());
    }
}
