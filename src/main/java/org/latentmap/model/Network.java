package org.latentmap.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.latentmap.engine.GradMode;

/**
 * One network of a model (an encoder, a decoder, a discriminator): a DJL block with its parameters
 * initialised for a given input shape, run forward in training or inference mode, saved and loaded.
 */
public final class Network {
    private final String name;
    private final Block block;
    private final NDManager manager;
    private final ParameterStore store;

    /**
     * Builds the block's parameters for inputs shaped like {@code inputShapes} (batch dimension included; more than
     * one for a block that takes several inputs, such as a noise predictor's images and times).
     */
    public Network(String name, Block block, NDManager manager, Shape... inputShapes) {
        this.name = name;
        this.block = block;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        // parameters initialised while this thread records autograd start with a history, and a VAE
        // trained from them diverged (NaN at step 16 of the full profile): initialise without recording
        GradMode.offForThisThread();
        block.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    public String name() {
        return name;
    }

    public Block block() {
        return block;
    }

    /** Runs the network; {@code training} selects batch statistics (and updates the running ones). */
    public NDArray forward(NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    /** Runs a network of several inputs. */
    public NDArray forward(NDList inputs, boolean training) {
        return block.forward(store, inputs, training).singletonOrThrow();
    }

    /** The parameters an optimizer updates, in a fixed order. */
    public List<Parameter> trainableParameters() {
        List<Parameter> list = new ArrayList<>();
        for (var pair : block.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                list.add(pair.getValue());
            }
        }
        return list;
    }

    public void save(DataOutputStream out) throws IOException {
        block.saveParameters(out);
    }

    public void load(DataInputStream in) throws IOException {
        try {
            block.loadParameters(manager, in);
            // loaded arrays replace the initialised ones and start without gradients
            for (Parameter p : trainableParameters()) {
                p.getArray().setRequiresGradient(true);
            }
        } catch (MalformedModelException e) {
            throw new IOException(
                    "the saved parameters of " + name + " do not fit its architecture: " + e.getMessage(), e);
        }
    }

    public NDManager manager() {
        return manager;
    }
}
