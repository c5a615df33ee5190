package org.latentmap.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static Parameter parameter(NDManager manager, float... values) {
        Parameter p = Parameter.builder()
                .setName("w")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(values.length))
                .build();
        p.initialize(manager, DataType.FLOAT32);
        p.getArray().set(values);
        return p;
    }

    /** Gradient of sum(c * w) is c. */
    private static void backward(Parameter p, float... c) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray w = p.getArray();
            collector.backward(w.mul(w.getManager().create(c)).sum());
        }
    }

    @Test
    void theFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientsSign() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, 1f, 1f);
            Adam adam = new Adam(List.of(p), 0.1, 0.9, 0.999);
            backward(p, 0.5f, -2f);
            adam.step();
            // m = 0.1 g, v = 0.001 g^2, lr_t = lr sqrt(0.001) / 0.1: the step is lr sign(g)
            assertArrayEquals(new float[] {0.9f, 1.1f}, p.getArray().toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0f, 0f}, p.getArray().getGradient().toFloatArray(), "gradients are zeroed");
            assertEquals(1, adam.steps());
        }
    }

    @Test
    void theSecondStepFollowsTheBiasCorrectedMoments() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, 0f);
            Adam adam = new Adam(List.of(p), 0.01, 0.9, 0.999);
            backward(p, 1f);
            adam.step();
            backward(p, 3f);
            adam.step();
            double mean = 0.9 * 0.1 * 1 + 0.1 * 3;
            double variance = 0.999 * 0.001 * 1 + 0.001 * 9;
            double rate = 0.01 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
            double expected = -0.01 - rate * mean / (Math.sqrt(variance) + 1e-8);
            assertEquals(expected, p.getArray().getFloat(), 1e-6);
        }
    }

    @Test
    void savedMomentsRestoreTheSameNextStep() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, 0f, 0f);
            Adam adam = new Adam(List.of(p), 0.01, 0.9, 0.999);
            backward(p, 1f, 2f);
            adam.step();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adam.save(new DataOutputStream(bytes));
            float[] saved = p.getArray().toFloatArray();

            Parameter q = parameter(m, saved);
            Adam restored = new Adam(List.of(q), 0.01, 0.9, 0.999);
            restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            backward(p, -1f, 0.5f);
            adam.step();
            backward(q, -1f, 0.5f);
            restored.step();
            assertArrayEquals(p.getArray().toFloatArray(), q.getArray().toFloatArray());
            assertEquals(2, restored.steps());

            Adam wrong = new Adam(List.of(q, parameter(m, 1f)), 0.01, 0.9, 0.999);
            assertThrows(
                    IOException.class,
                    () -> wrong.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        }
    }
}
