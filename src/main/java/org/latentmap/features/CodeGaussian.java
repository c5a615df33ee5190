package org.latentmap.features;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.latentmap.data.ImageSet;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;
import org.latentmap.linalg.Standardisation;
import org.latentmap.model.LatentModel;
import org.latentmap.model.Sampling;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A Gaussian fitted to a model's codes of the training images (their mean and full covariance): the aggregate
 * posterior q(z) as far as two moments describe it. Paper Sect. 5.3 reads the uneven sectors as a sign that q(z)
 * is far from the prior N(0, I) in a VAE; {@link #divergenceFromPrior()} says how far, as KL(N(mean, cov) || N(0,
 * I)) in nats, and {@link #samples} draws codes where the codes are rather than from the prior (two-moment
 * ex-post density estimation, Ghosh et al., 2020), which shows whether a poor prior sample comes from the
 * decoder or from where the prior sends it.
 */
public final class CodeGaussian {
    /** Added to the covariance's diagonal before its Cholesky factor, for variables the model leaves unused. */
    private static final double JITTER = 1e-6;

    private final double[] mean;
    private final DMatrixRMaj covariance;
    private final DMatrixRMaj lower;

    private CodeGaussian(double[] mean, DMatrixRMaj covariance, DMatrixRMaj lower) {
        this.mean = mean;
        this.covariance = covariance;
        this.lower = lower;
    }

    /** The Gaussian with the mean and (maximum-likelihood, divided by n) covariance of {@code codes}. */
    public static CodeGaussian of(CodeMatrix codes) {
        if (codes.size() < 2) {
            throw new IllegalArgumentException(
                    "a Gaussian needs at least two codes to fit, got " + codes.size() + ": encode more images");
        }
        int p = codes.width();
        double[] mean = Standardisation.of(codes).mean();
        DMatrixRMaj x = CodeProducts.matrix(codes, false);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] -= mean[i % p];
        }
        DMatrixRMaj covariance = CodeProducts.transposeTimes(x, x);
        for (int i = 0; i < covariance.data.length; i++) {
            covariance.data[i] /= codes.size();
        }
        DMatrixRMaj jittered = covariance.copy();
        for (int k = 0; k < p; k++) {
            jittered.add(k, k, JITTER);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(p, true);
        if (!cholesky.decompose(jittered)) {
            throw new IllegalArgumentException("the codes' covariance is not positive definite: are they finite?");
        }
        return new CodeGaussian(mean, covariance, cholesky.getT(null));
    }

    /** The Gaussian of {@code model}'s codes of {@code images} (codes from the store when they are there). */
    public static CodeGaussian of(TrainedModel model, ImageSet images) {
        return of(Codes.of(model, images));
    }

    public int dimension() {
        return mean.length;
    }

    /** The codes' mean (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Entry (i, j) of the codes' covariance. */
    public double covariance(int i, int j) {
        return covariance.get(i, j);
    }

    /** The sum of the variables' variances; the prior's is the number of variables. */
    public double totalVariance() {
        double sum = 0;
        for (int k = 0; k < mean.length; k++) {
            sum += covariance.get(k, k);
        }
        return sum;
    }

    /**
     * KL(N(mean, cov) || N(0, I)) = (tr cov + |mean|^2 - d - ln det cov) / 2, in nats: 0 when the codes are
     * spread as the prior; large when they crowd into a thin set (small variances) or spread wider than it.
     */
    public double divergenceFromPrior() {
        double logDet = 0;
        double squaredMean = 0;
        for (int k = 0; k < mean.length; k++) {
            logDet += 2 * Math.log(lower.get(k, k));
            squaredMean += mean[k] * mean[k];
        }
        return 0.5 * (totalVariance() + squaredMean - mean.length - logDet);
    }

    /** {@code count} codes drawn from this Gaussian with {@code seed}: mean + L e, e standard normal. */
    public CodeMatrix draw(int count, long seed) {
        Random random = new Random(seed);
        int p = mean.length;
        float[] codes = new float[count * p];
        double[] e = new double[p];
        for (int c = 0; c < count; c++) {
            for (int k = 0; k < p; k++) {
                e[k] = random.nextGaussian();
            }
            for (int i = 0; i < p; i++) {
                double value = mean[i];
                for (int j = 0; j <= i; j++) {
                    value += lower.get(i, j) * e[j];
                }
                codes[c * p + i] = (float) value;
            }
        }
        return CodeMatrix.of(codes, p);
    }

    /** The images {@code model} draws from {@code count} codes of this Gaussian. */
    public ImageSet samples(LatentModel model, int count, long seed) {
        if (model.latentSize() != mean.length) {
            throw new IllegalArgumentException("this Gaussian was fitted to codes of " + mean.length + " variables; "
                    + model.name() + " has " + model.latentSize());
        }
        return Sampling.decoded(model, draw(count, seed));
    }

    /**
     * One row per model: its latent size, the total variance of its codes of {@code images} and their divergence
     * from the prior (both to one decimal), which says how far prior samples land from where the images' codes are.
     */
    public static Table fromPrior(List<TrainedModel> models, ImageSet images) {
        StringColumn name = StringColumn.create("model");
        IntColumn variables = IntColumn.create("variables");
        DoubleColumn variance = DoubleColumn.create("total variance");
        DoubleColumn divergence = DoubleColumn.create("KL from prior (nats)");
        for (TrainedModel model : models) {
            CodeGaussian fit = of(model, images);
            name.append(model.name());
            variables.append(fit.dimension());
            variance.append(Math.round(fit.totalVariance() * 10) / 10.0);
            divergence.append(Math.round(fit.divergenceFromPrior() * 10) / 10.0);
        }
        return Table.create("codes of the training images against the prior", name, variables, variance, divergence);
    }
}
