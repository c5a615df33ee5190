package org.latentmap.train;

import ai.djl.ndarray.NDArray;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.latentmap.model.LatentModel;

/**
 * A model together with what training it needs (optimizers, gamma balance): {@link Training} feeds it
 * batches step by step and saves and restores its whole state in checkpoints.
 */
public interface Trainable {

    /** The model being trained. */
    LatentModel model();

    /** Names of the losses {@link #step} returns, in order. */
    List<String> lossNames();

    /**
     * One optimisation step on a batch of images; returns the losses (NaN for one not computed at this
     * step). Throws {@link TrainingDiverged} when a loss is not finite, before the network it belongs to
     * is updated; {@link Training} then keeps the checkpoint of the last good step.
     */
    double[] step(NDArray batch, long step);

    /**
     * What this training does that its plan does not say: the losses, their weights, the optimizers, with a
     * version to raise when the code changes in a way these words do not show. The zoo keys cached models by
     * it, so a change here retrains them.
     */
    String recipe();

    /** Parameters and optimizer state. */
    void save(DataOutputStream out) throws IOException;

    void load(DataInputStream in) throws IOException;
}
