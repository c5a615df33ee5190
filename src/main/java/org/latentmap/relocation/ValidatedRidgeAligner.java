package org.latentmap.relocation;

import java.util.Locale;
import java.util.function.BiFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentmap.linalg.RidgeValidation;

/**
 * Ridge without bias, its penalty chosen by validation on the fit points ({@link RidgeValidation}): by leaving one out
 * (this project's default) or by 5 folds (its earlier choice, kept for comparison). The alignment's name gives the
 * penalty chosen.
 */
final class ValidatedRidgeAligner implements Aligner {
    private final String name;
    private final String recipe;
    private final BiFunction<DMatrixRMaj, DMatrixRMaj, RidgeValidation> validate;

    private ValidatedRidgeAligner(
            String name, String validationRecipe, BiFunction<DMatrixRMaj, DMatrixRMaj, RidgeValidation> validate) {
        this.name = name;
        this.recipe =
                "validated ridge v1: " + validationRecipe + ", then " + LeastSquaresAligner.recipe(false, Double.NaN);
        this.validate = validate;
    }

    static ValidatedRidgeAligner leaveOneOut() {
        return new ValidatedRidgeAligner(
                "ridge, validated", RidgeValidation.LEAVE_ONE_OUT_RECIPE, RidgeValidation::leaveOneOut);
    }

    static ValidatedRidgeAligner kFold() {
        return new ValidatedRidgeAligner(
                "ridge, " + RidgeValidation.FOLDS + "-fold", RidgeValidation.RECIPE, RidgeValidation::of);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public Alignment align(DMatrixRMaj source, DMatrixRMaj target, int sourceVariables) {
        DMatrixRMaj x = source;
        if (sourceVariables < source.numCols) {
            x = CommonOps_DDRM.extract(source, 0, source.numRows, 0, sourceVariables);
        }
        RidgeValidation validation = validate.apply(x, target);
        Alignment ridge = LeastSquaresAligner.ridge(validation.bestLambda()).align(source, target, sourceVariables);
        return ridge.named(String.format(
                Locale.ROOT,
                "ridge %.3g (%.2g x scale, %s validated)",
                validation.bestLambda(),
                validation.bestFactor(),
                validation.scheme()));
    }
}
