package org.latentmap.relocation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * How a {@link LinearMap} is fitted to pairs of codes (paper Sect. 6): optional {@link PreStep}s on both spaces
 * (centring, standard scaling with the fit points' statistics, zero padding), then an {@link Aligner} between the
 * prepared spaces, the two composed back into one map from raw source codes to raw target codes. The paper's closed
 * form least squares, ridge, and the authors' dense layer have no pre-steps; Maiorca et al.'s four classes
 * (NeurIPS 2023: {@link #sgdAffine() affine}, {@link #linear() linear}, {@link #lOrtho() l-ortho}, {@link #ortho()
 * ortho}) scale both spaces first. Source and target codes come in matching rows: row i of both is one image.
 */
public final class MapFit implements CodeMapFit {
    private final String name;
    private final Set<PreStep> steps;
    private final Aligner aligner;

    private MapFit(String name, Set<PreStep> steps, Aligner aligner) {
        this.name = name;
        this.steps = steps;
        this.aligner = aligner;
    }

    /**
     * A fit of your own: {@code aligner} after {@code steps} on both spaces, such as
     * {@code MapFit.aligned(Aligner.validatedRidge(), PreStep.STANDARD_SCALING)}. Its name is the aligner's, then the
     * steps.
     */
    public static MapFit aligned(Aligner aligner, PreStep... steps) {
        Set<PreStep> chosen = chosen(aligner, steps);
        String label = chosen.isEmpty()
                ? aligner.name()
                : aligner.name() + " after "
                        + chosen.stream().map(PreStep::label).collect(Collectors.joining(", "));
        return new MapFit(label, chosen, aligner);
    }

    private static MapFit named(String name, Aligner aligner, PreStep... steps) {
        return new MapFit(name, chosen(aligner, steps), aligner);
    }

    private static Set<PreStep> chosen(Aligner aligner, PreStep... steps) {
        if (aligner == null) {
            throw new IllegalArgumentException("a map fit needs an aligner, such as Aligner.leastSquares()");
        }
        return steps.length == 0 ? EnumSet.noneOf(PreStep.class) : EnumSet.copyOf(List.of(steps));
    }

    /** Least squares without bias, min ||Z1 W - Z2||^2: the paper's maps have no bias. */
    public static MapFit leastSquares() {
        return aligned(Aligner.leastSquares());
    }

    /** Least squares with a bias (an affine map). */
    public static MapFit affine() {
        return aligned(Aligner.leastSquaresWithBias());
    }

    /** Ridge regression without bias, min ||Z1 W - Z2||^2 + lambda ||W||^2 (sums over all entries). */
    public static MapFit ridge(double lambda) {
        return aligned(Aligner.ridge(lambda));
    }

    /**
     * Ridge regression without bias, its penalty chosen by {@link org.latentmap.linalg.RidgeValidation#leaveOneOut
     * leave-one-out validation} on the fit points: the fit for a support set about as large as the source space,
     * where plain least squares passes through every point. On plentiful points it chooses a small penalty and
     * agrees with least squares. The fitted map's name gives the penalty chosen.
     */
    public static MapFit validatedRidge() {
        return aligned(Aligner.validatedRidge());
    }

    /**
     * Ridge regression without bias, its penalty chosen by 5-fold validation on the fit points
     * ({@link org.latentmap.linalg.RidgeValidation#of}): the project's choice before leave-one-out, kept for
     * comparison. On a support set each fold fits on four fifths of the points, which pushes the penalty up.
     */
    public static MapFit kFoldRidge() {
        return aligned(Aligner.kFoldRidge());
    }

    /**
     * Orthogonal Procrustes: both spaces standardised, the smaller zero-padded, then the best rotation (or
     * reflection) of one onto the other; the most rigid of the maps. It is {@link #ortho()} under its older name,
     * and has a bias (the standardisations').
     */
    public static MapFit procrustes() {
        return named(
                "orthogonal Procrustes (standardised)",
                Aligner.ortho(),
                PreStep.STANDARD_SCALING,
                PreStep.ZERO_PADDING);
    }

    /**
     * Maiorca et al.'s "ortho": standard scaling of both spaces with the fit points' statistics, zero padding, then
     * the best rotation ({@link Aligner#ortho()}).
     */
    public static MapFit ortho() {
        return named("ortho", Aligner.ortho(), PreStep.STANDARD_SCALING, PreStep.ZERO_PADDING);
    }

    /**
     * Maiorca et al.'s "l-ortho": standard scaling, zero padding, then the orthogonal factor of the least-squares map
     * ({@link Aligner#lOrtho()}).
     */
    public static MapFit lOrtho() {
        return named("l-ortho", Aligner.lOrtho(), PreStep.STANDARD_SCALING, PreStep.ZERO_PADDING);
    }

    /**
     * Maiorca et al.'s "linear": standard scaling, then least squares. Centred spaces make it affine between the raw
     * codes (it equals {@link #affine()} up to rounding); their zero padding would change nothing for least squares
     * (a padded source variable gets no weight, a padded target variable is dropped), so it is left out.
     */
    public static MapFit linear() {
        return named("linear", Aligner.leastSquares(), PreStep.STANDARD_SCALING);
    }

    /**
     * Maiorca et al.'s "affine": standard scaling, then a dense layer with a bias trained by Adam as latentis trains
     * it ({@link Aligner#affineByDescent()}: 300 full-batch steps at 1e-3 from PyTorch's start, which stop well
     * short of the least-squares optimum on codes of our sizes).
     */
    public static MapFit sgdAffine() {
        return named("affine", Aligner.affineByDescent(), PreStep.STANDARD_SCALING);
    }

    /** Maiorca et al.'s four classes, in their order: affine, linear, l-ortho, ortho. */
    public static List<MapFit> maiorca() {
        return List.of(sgdAffine(), linear(), lOrtho(), ortho());
    }

    /** The authors' number of full-batch steps (their repository's Keras set-up). */
    public static final int AUTHORS_STEPS = 2000;

    /**
     * The authors' fit: one dense layer, no bias, Glorot-uniform start, loss = mean squared error + 1e-4 x
     * sum of squared weights, Adam at 5e-4 for {@value #AUTHORS_STEPS} full-batch steps (their repository's Keras
     * set-up).
     */
    public static MapFit denseLayer() {
        return denseLayer(AUTHORS_STEPS);
    }

    /** {@link #denseLayer()} for {@code steps} steps (fewer, for a smoke run). */
    public static MapFit denseLayer(int steps) {
        return aligned(DenseLayerAligner.denseLayer(steps, 5e-4, 1e-4, 1));
    }

    /**
     * The authors' fit as their repository writes it ({@code comparison.py}, {@code transform_with_support}): a
     * dense layer without bias, Glorot-uniform start, Adam at 5e-4 for {@value #AUTHORS_STEPS} full-batch steps,
     * loss = mean squared error + 1e-4 x sum of squared weights (kernel regulariser) + 1e-4 x mean over the points
     * of the sum of squared outputs (activity regulariser). {@link #denseLayer()} leaves the activity term out.
     */
    public static MapFit authors() {
        return authors(AUTHORS_STEPS);
    }

    /** {@link #authors()} for {@code steps} steps (fewer, for a smoke run). */
    public static MapFit authors(int steps) {
        return aligned(DenseLayerAligner.authors(1e-4, steps));
    }

    /**
     * The authors' fit with their penalty for pairs that involve a GAN: their code's remark "when one of the two
     * models is a GAN augment regularization to 0.0015", applied to both regularisers.
     */
    public static MapFit authorsForGan() {
        return authorsForGan(AUTHORS_STEPS);
    }

    /** {@link #authorsForGan()} for {@code steps} steps (fewer, for a smoke run). */
    public static MapFit authorsForGan(int steps) {
        return aligned(DenseLayerAligner.authors(0.0015, steps));
    }

    /** The dense-layer fit with other settings (steps, learning rate, L2 weight, seed of the start). */
    public static MapFit denseLayer(int steps, double learningRate, double l2, long seed) {
        return aligned(DenseLayerAligner.denseLayer(steps, learningRate, l2, seed));
    }

    /** Fits the map taking {@code source} rows to {@code target} rows. */
    @Override
    public LinearMap fit(CodeMatrix source, CodeMatrix target) {
        if (source.size() != target.size()) {
            throw new IllegalArgumentException(source.size() + " source codes but " + target.size()
                    + " target codes: a map is fitted on the codes of the same images in both spaces");
        }
        if (source.size() == 0) {
            throw new IllegalArgumentException("a map needs at least one pair of codes; none were given");
        }
        requireFinite(source, "source");
        requireFinite(target, "target");
        int p = source.width();
        int q = target.width();
        if (steps.isEmpty()) {
            Alignment a = aligner.align(CodeProducts.matrix(source, false), CodeProducts.matrix(target, false), p);
            String fitName = a.name() == null ? name : a.name();
            if (a.isFactored()) {
                return LinearMap.factored(a.dualSource(), a.dualCoefficients(), a.bias(), fitName);
            }
            return new LinearMap(CodeProducts.rows(a.weights()), a.bias(), fitName);
        }
        int width = Math.max(p, q);
        SpaceFrame from = SpaceFrame.of(source, steps, width);
        SpaceFrame to = SpaceFrame.of(target, steps, width);
        Alignment a = aligner.align(from.prepare(source), to.prepare(target), p);
        return composed(from, to, a, a.name() == null ? name : a.name());
    }

    private static void requireFinite(CodeMatrix codes, String side) {
        int bad = codes.nonFiniteRows();
        if (bad > 0) {
            throw new IllegalArgumentException(bad + " of the " + codes.size() + " " + side
                    + " codes hold NaN or infinite values: no map can be fitted from them; the model that encoded"
                    + " them went wrong on those images (check its checkpoint and its encoding)");
        }
    }

    /**
     * The map between raw codes: z2 = ((z1 - m1) / s1 A + c) s2 + m2 on the real (unpadded) variables, so
     * W = A s2 / s1 (row k over s1_k, column j times s2_j) and b = m2 + s2 (c - (m1 / s1) A).
     */
    private static LinearMap composed(SpaceFrame from, SpaceFrame to, Alignment a, String name) {
        int p = from.variables();
        int q = to.variables();
        DMatrixRMaj aligned = a.weights();
        double[][] weights = new double[p][q];
        for (int k = 0; k < p; k++) {
            for (int j = 0; j < q; j++) {
                weights[k][j] = aligned.get(k, j) * to.scale(j) / from.scale(k);
            }
        }
        if (!from.shifts() && !to.shifts() && a.bias() == null) {
            return new LinearMap(weights, null, name);
        }
        // the source's shifts in the prepared space, (m1 / s1) A by EJML
        DMatrixRMaj shifts = new DMatrixRMaj(1, aligned.numRows);
        for (int k = 0; k < p; k++) {
            shifts.set(0, k, from.shift(k) / from.scale(k));
        }
        DMatrixRMaj moved = CommonOps_DDRM.mult(shifts, aligned, null);
        double[] bias = new double[q];
        for (int j = 0; j < q; j++) {
            double shift = (a.bias() == null ? 0 : a.bias()[j]) - moved.get(0, j);
            bias[j] = to.shift(j) + to.scale(j) * shift;
        }
        return new LinearMap(weights, bias, name);
    }

    @Override
    public String name() {
        return name;
    }

    /** The steps applied to both spaces before the aligner, in order. */
    public List<PreStep> preSteps() {
        return new ArrayList<>(steps);
    }

    public Aligner aligner() {
        return aligner;
    }

    /**
     * The aligner's recipe, after the steps when there are any (a fit without steps keeps its aligner's recipe, so
     * maps stored before fits had steps are read back).
     */
    @Override
    public String recipe() {
        String core = aligner.recipe();
        if (core == null || steps.isEmpty()) {
            return core;
        }
        return "steps v1 " + steps.stream().map(PreStep::label).collect(Collectors.joining(", ")) + "; " + core;
    }

    @Override
    public String toString() {
        return name;
    }
}
