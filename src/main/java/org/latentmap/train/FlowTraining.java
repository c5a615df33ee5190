package org.latentmap.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Network;
import org.latentmap.model.flow.RealNvp;

/**
 * Trains a {@link RealNvp} by maximum likelihood: each step dequantises the batch with fresh uniform noise and
 * minimises the mean negative log-likelihood in bits per dimension, with one Adam over all its networks.
 */
public final class FlowTraining implements Trainable {
    private final RealNvp model;
    private final Adam optimizer;

    public FlowTraining(RealNvp model, TrainingPlan plan) {
        this.model = model;
        List<Parameter> parameters = new ArrayList<>();
        for (Network network : model.networks()) {
            parameters.addAll(network.trainableParameters());
        }
        this.optimizer = new Adam(parameters, plan.learningRate(), 0.9, 0.999);
    }

    @Override
    public LatentModel model() {
        return model;
    }

    @Override
    public List<String> lossNames() {
        return List.of("bits/dim");
    }

    @Override
    public String recipe() {
        return "flow training v1: mean bits per dimension of uniformly dequantised images, one Adam (0.9, 0.999)";
    }

    @Override
    public double[] step(NDArray batch, long step) {
        double value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray noise = batch.getManager().randomUniform(0f, 1f, batch.getShape());
            NDArray loss = model.bitsPerDimension(batch, noise, true).mean();
            value = TrainingDiverged.check(step, "flow", loss.getFloat());
            collector.backward(loss);
        }
        optimizer.step();
        return new double[] {value};
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        for (Network network : model.networks()) {
            network.save(out);
        }
        optimizer.save(out);
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        for (Network network : model.networks()) {
            network.load(in);
        }
        optimizer.load(in);
    }
}
