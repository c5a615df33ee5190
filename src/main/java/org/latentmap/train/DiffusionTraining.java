package org.latentmap.train;

import static org.latentmap.engine.Tensors.scalar;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.latentmap.model.LatentModel;
import org.latentmap.model.diffusion.Diffusion;
import org.latentmap.model.diffusion.NoiseSchedule;

/**
 * Trains a {@link Diffusion} model as DDPM does (Ho et al. 2020, Algorithm 1): each image of the batch gets a time t
 * drawn uniformly and fresh noise, x_t = sqrt(ab_t) x + sqrt(1 - ab_t) noise (x scaled to [-1, 1]), and the U-Net
 * learns to predict the noise, by the mean squared error, with Adam.
 */
public final class DiffusionTraining implements Trainable {
    private final Diffusion model;
    private final Adam optimizer;
    private final float[] alphaBar;

    public DiffusionTraining(Diffusion model, TrainingPlan plan) {
        this.model = model;
        this.optimizer = new Adam(model.network().trainableParameters(), plan.learningRate(), 0.9, 0.999);
        NoiseSchedule schedule = model.schedule();
        this.alphaBar = new float[schedule.times()];
        for (int t = 0; t < alphaBar.length; t++) {
            alphaBar[t] = (float) schedule.alphaBar(t);
        }
    }

    @Override
    public LatentModel model() {
        return model;
    }

    @Override
    public List<String> lossNames() {
        return List.of("noise mse");
    }

    @Override
    public String recipe() {
        return "diffusion training v1: DDPM's simple loss, times uniform over the linear schedule of " + alphaBar.length
                + ", Adam (0.9, 0.999)";
    }

    @Override
    public double[] step(NDArray batch, long step) {
        NDManager manager = batch.getManager();
        long n = batch.getShape().get(0);
        NDArray times = manager.randomInteger(0, alphaBar.length, new Shape(n), DataType.INT64);
        // the schedule copied into memory the engine owns (an array over Java memory must not outlive its buffer)
        NDArray schedule = manager.zeros(new Shape(alphaBar.length)).add(manager.create(alphaBar));
        NDArray ab = schedule.get(times).reshape(n, 1, 1, 1);
        NDArray noise = manager.randomNormal(batch.getShape());
        NDArray x = batch.mul(scalar(batch, 2f)).sub(scalar(batch, 1f));
        NDArray noised = x.mul(ab.sqrt()).add(noise.mul(scalar(ab, 1f).sub(ab).sqrt()));
        double value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray predicted = model.predictNoise(noised, times.toType(DataType.FLOAT32, false), true);
            NDArray loss = predicted.sub(noise).square().mean();
            value = TrainingDiverged.check(step, "noise prediction", loss.getFloat());
            collector.backward(loss);
        }
        optimizer.step();
        return new double[] {value};
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        model.network().save(out);
        optimizer.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        model.network().load(in);
        optimizer.load(in);
    }
}
