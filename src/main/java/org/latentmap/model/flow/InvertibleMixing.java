package org.latentmap.model.flow;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Glow's invertible 1x1 convolution (Kingma and Dhariwal 2018, Sect. 3.2) in its LU form: the channels of every
 * pixel are mixed by W = P L (U + diag(sign exp(log s))), P a fixed permutation, L unit lower triangular, U strictly
 * upper triangular, so log |det W| is the sum of log s and the inverse is one small solve. W starts as a random
 * rotation drawn from the engine's seeded generator, as in Glow; P and the signs stay fixed, L, U and log s train.
 */
public final class InvertibleMixing extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int channels;
    private final Parameter permutation;
    private final Parameter signs;
    private final Parameter lower;
    private final Parameter upper;
    private final Parameter logScale;
    /** The LU factors of the starting rotation, drawn once when the first parameter is initialised. */
    private double[][] start;

    /** A mixing of {@code channels} channels. */
    public InvertibleMixing(int channels) {
        super(VERSION);
        if (channels < 1) {
            throw new IllegalArgumentException("a channel mixing needs at least one channel, got " + channels);
        }
        this.channels = channels;
        this.permutation = fixed("permutation", 0);
        this.signs = fixed("signs", 1);
        this.lower = trained("lower", 2);
        this.upper = trained("upper", 3);
        this.logScale = trained("logScale", 4);
    }

    private Parameter fixed(String name, int part) {
        return addParameter(Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optRequiresGrad(false)
                .optInitializer(startingPart(part))
                .build());
    }

    private Parameter trained(String name, int part) {
        return addParameter(Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(startingPart(part))
                .build());
    }

    /** Mixes the channels of (N, C, H, W) images: out[:, i] = sum_j W[i, j] in[:, j]. */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        return new NDList(apply(weight(input.getManager()), input));
    }

    /** The mixing matrix W (C, C), made in {@code scope} from the current parameters; autograd follows it. */
    public NDArray weight(NDManager scope) {
        NDArray eye = scope.eye(channels);
        NDArray unitLower = triangle(scope, true).mul(lower.getArray()).add(eye);
        NDArray scales = inScope(signs, scope).mul(inScope(logScale, scope).exp());
        NDArray diagonal = eye.mul(scales.reshape(1, channels));
        NDArray unitUpper = triangle(scope, false).mul(upper.getArray()).add(diagonal);
        return inScope(permutation, scope).matMul(unitLower).matMul(unitUpper);
    }

    /** log |det W| per pixel: the sum of log s. */
    public NDArray logDeterminant(NDManager scope) {
        return inScope(logScale, scope).sum();
    }

    /** The inverse mixing of (N, C, H, W) codes, W solved in double precision: no gradient. */
    public NDArray invert(NDArray output) {
        NDManager scope = output.getManager();
        float[] w = weight(scope).toFloatArray();
        DMatrixRMaj matrix = new DMatrixRMaj(channels, channels);
        for (int i = 0; i < w.length; i++) {
            matrix.data[i] = w[i];
        }
        DMatrixRMaj inverse = new DMatrixRMaj(channels, channels);
        if (!CommonOps_DDRM.invert(matrix, inverse)) {
            throw new IllegalStateException("the channel mixing's matrix is singular: the flow cannot be inverted");
        }
        float[] values = new float[channels * channels];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) inverse.data[i];
        }
        return apply(scope.create(values, new Shape(channels, channels)), output);
    }

    private NDArray apply(NDArray matrix, NDArray images) {
        Shape s = images.getShape();
        NDArray pixels = images.reshape(s.get(0), channels, -1); // (N, C, HW)
        return matrix.matMul(pixels).reshape(s);
    }

    /** 1 strictly below (or above) the diagonal, 0 elsewhere, made by the engine in {@code scope}. */
    private NDArray triangle(NDManager scope, boolean below) {
        NDArray rows = scope.arange(channels).reshape(channels, 1);
        NDArray columns = scope.arange(channels).reshape(1, channels);
        return (below ? rows.gt(columns) : rows.lt(columns)).toType(DataType.FLOAT32, false);
    }

    /**
     * A parameter's value as an array of {@code scope}, through which autograd reaches the parameter: what is computed
     * from it then belongs to the scope and is freed with it, not kept as long as the parameter. (Views of the parameter
     * attached to the scope instead gave garbage matrices in 9 of 10 forward passes on this machine.)
     */
    private static NDArray inScope(Parameter parameter, NDManager scope) {
        NDArray value = parameter.getArray();
        return scope.zeros(value.getShape(), value.getDataType()).add(value);
    }

    /** Each parameter's part of the LU factors of one random rotation. */
    private Initializer startingPart(int part) {
        return (manager, shape, dataType) -> {
            if (start == null) {
                float[] gaussian =
                        manager.randomNormal(new Shape(channels, channels)).toFloatArray();
                double[] values = new double[gaussian.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = gaussian[i];
                }
                start = startingFactors(values);
            }
            float[] values = new float[(int) shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) start[part][i];
            }
            // a copy in memory the engine owns: an array made from Java memory (create) reads freed memory once its
            // Java buffer is gone, and the parameter outlives it (logScale read back as Infinity and 4.6e-41)
            try (NDArray javaBacked = manager.create(values, shape)) {
                return manager.zeros(shape, dataType).add(javaBacked.toType(dataType, false));
            }
        };
    }

    /** P, signs, L (strict part), U (strict part), log |diag U| of the QR rotation of {@code gaussian}. */
    private double[][] startingFactors(double[] gaussian) {
        DMatrixRMaj a = new DMatrixRMaj(channels, channels, true, gaussian);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(channels, channels);
        qr.decompose(a);
        DMatrixRMaj q = qr.getQ(null, false);
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(channels, channels);
        lu.decompose(q.copy());
        DMatrixRMaj pivot = lu.getRowPivot(null); // pivot * q = L U
        DMatrixRMaj l = lu.getLower(null);
        DMatrixRMaj u = lu.getUpper(null);
        double[][] parts = new double[5][];
        DMatrixRMaj p = new DMatrixRMaj(channels, channels);
        CommonOps_DDRM.transpose(pivot, p); // q = pivot' L U
        parts[0] = p.data.clone();
        parts[1] = new double[channels];
        parts[2] = new double[channels * channels];
        parts[3] = new double[channels * channels];
        parts[4] = new double[channels];
        for (int i = 0; i < channels; i++) {
            double d = u.get(i, i);
            parts[1][i] = Math.signum(d);
            parts[4][i] = Math.log(Math.abs(d));
            for (int j = 0; j < channels; j++) {
                parts[2][i * channels + j] = i > j ? l.get(i, j) : 0;
                parts[3][i * channels + j] = i < j ? u.get(i, j) : 0;
            }
        }
        return parts;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        if (inputShapes.length != 1 || inputShapes[0].dimension() != 4 || inputShapes[0].get(1) != channels) {
            throw new IllegalArgumentException("a mixing of " + channels + " channels takes (N, " + channels
                    + ", H, W) images, got " + Arrays.toString(inputShapes));
        }
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        permutation.setShape(new Shape(channels, channels));
        signs.setShape(new Shape(channels));
        lower.setShape(new Shape(channels, channels));
        upper.setShape(new Shape(channels, channels));
        logScale.setShape(new Shape(channels));
    }

    @Override
    protected void saveMetadata(DataOutputStream out) throws IOException {
        saveInputShapes(out);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream in) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("unsupported channel-mixing version " + loadVersion);
        }
        readInputShapes(in);
    }
}
