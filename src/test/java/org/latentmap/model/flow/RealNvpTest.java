package org.latentmap.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.latentmap.train.FlowTraining;
import org.latentmap.train.TrainingPlan;

/** The flow is invertible and its log-determinant is its Jacobian's, checked after a few steps moved it off the identity. */
class RealNvpTest {

    /** A flow trained a few steps at a high rate, so that its couplings and mixings are no longer trivial. */
    private static RealNvp trainedFlow(NDManager manager, Shape shape) {
        Engine.getInstance().setRandomSeed(11);
        RealNvp flow = RealNvp.create("flow", manager, shape, 8);
        FlowTraining training = new FlowTraining(flow, new TrainingPlan(5, 0, 8, 3e-2, 5, 1));
        for (int step = 0; step < 5; step++) {
            NDArray batch = manager.randomUniform(0f, 1f, new Shape(8).addAll(shape));
            training.step(batch, step);
        }
        return flow;
    }

    @Test
    void decodingTheCodeGivesTheImageBack() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 8, 8);
            RealNvp flow = trainedFlow(manager, shape);
            assertEquals(64, flow.latentSize());
            // images on the 8-bit grid, as the data are
            NDArray images = manager.randomInteger(0, 256, new Shape(16, 1, 8, 8), ai.djl.ndarray.types.DataType.INT32)
                    .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .div(255f);
            NDArray codes = flow.encode(images);
            assertEquals(new Shape(16, 64), codes.getShape());
            float worst = flow.decode(codes).sub(images).abs().max().getFloat();
            assertTrue(worst < 1e-4, "largest pixel error " + worst);
        }
    }

    @Test
    void theLogDeterminantIsTheJacobians() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(1, 4, 4);
            RealNvp flow = trainedFlow(manager, shape);
            int d = 16;
            float[] y = manager.randomUniform(0.1f, 0.9f, new Shape(1, 1, 4, 4)).toFloatArray();
            NDArray point = manager.create(y, new Shape(1, 1, 4, 4));
            double logDet = flow.toCode(point, false).logDeterminant().getFloat();
            // central differences, one input pixel at a time, in float precision
            float step = 1e-2f;
            float[] up = new float[d * d];
            float[] down = new float[d * d];
            for (int k = 0; k < d; k++) {
                System.arraycopy(y, 0, up, k * d, d);
                System.arraycopy(y, 0, down, k * d, d);
                up[k * d + k] += step;
                down[k * d + k] -= step;
            }
            float[] zUp = flow.toCode(manager.create(up, new Shape(d, 1, 4, 4)), false)
                    .value()
                    .toFloatArray();
            float[] zDown = flow.toCode(manager.create(down, new Shape(d, 1, 4, 4)), false)
                    .value()
                    .toFloatArray();
            DMatrixRMaj jacobian = new DMatrixRMaj(d, d);
            for (int k = 0; k < d; k++) {
                for (int i = 0; i < d; i++) {
                    jacobian.set(i, k, (zUp[k * d + i] - zDown[k * d + i]) / (2.0 * step));
                }
            }
            double numerical = Math.log(Math.abs(CommonOps_DDRM.det(jacobian)));
            assertEquals(numerical, logDet, 1e-2 * Math.max(1, Math.abs(numerical)), "log |det J|");
        }
    }

    @Test
    void anImageSideTheSqueezesCannotHalveIsRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            var error = assertThrows(
                    IllegalArgumentException.class, () -> RealNvp.create("flow", manager, new Shape(1, 30, 30), 8));
            assertEquals(
                    "a RealNVP squeezes twice, so it needs (C, H, W) images with H and W divisible by 4; got (1, 30, 30)",
                    error.getMessage());
        }
    }
}
