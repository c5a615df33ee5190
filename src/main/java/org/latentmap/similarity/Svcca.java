package org.latentmap.similarity;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.linalg.CodeProducts;

/**
 * SVCCA (Raghu et al., NeurIPS 2017): each space's centred codes reduced by SVD to the directions that keep 99% of
 * their variance, then the mean canonical correlation between the two reduced spaces (the singular values of U_x' U_y,
 * U the reduced spaces' orthonormal bases). 1 for spaces equal up to an invertible linear map and a shift; with
 * almost as many directions as points every correlation nears 1 by chance, which the permutation null shows. SVD by
 * EJML; Huh et al. keep a fixed 10 directions instead of the 99% rule.
 */
public final class Svcca implements PairedMeasure {
    /** Raghu et al.'s share of the variance the reduction keeps. */
    public static final double KEPT_VARIANCE = 0.99;

    /** The measure. */
    public static final Svcca STANDARD = new Svcca();

    private Svcca() {}

    @Override
    public String name() {
        return "SVCCA";
    }

    /** A space's orthonormal basis of its kept directions (n x d). */
    private record Basis(DMatrixRMaj u) implements Space {
        @Override
        public int size() {
            return u.numRows;
        }
    }

    @Override
    public Space space(CodeMatrix codes) {
        if (codes.size() < 3) {
            throw new IllegalArgumentException(name() + " needs at least 3 points; got " + codes.size());
        }
        return new Basis(reduced(codes));
    }

    @Override
    public Prepared pair(Space x, Space y) {
        DMatrixRMaj ux = PairedMeasure.paired(x, y, Basis.class, name()).u();
        DMatrixRMaj uy = ((Basis) y).u();
        int n = ux.numRows;
        return pairing -> {
            DMatrixRMaj shuffled = new DMatrixRMaj(n, uy.numCols);
            for (int i = 0; i < n; i++) {
                System.arraycopy(uy.data, pairing[i] * uy.numCols, shuffled.data, i * uy.numCols, uy.numCols);
            }
            DMatrixRMaj cross = CodeProducts.transposeTimes(ux, shuffled);
            double[] correlations = SingularOps_DDRM.singularValues(cross);
            double sum = 0;
            for (double c : correlations) {
                sum += Math.min(1, c);
            }
            return sum / correlations.length;
        };
    }

    /** The orthonormal basis (n x d) of the centred codes' top directions holding {@value #KEPT_VARIANCE} of the variance. */
    private DMatrixRMaj reduced(CodeMatrix codes) {
        DMatrixRMaj m = CodeProducts.centred(codes);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, false, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("the SVD of " + codes.size() + " codes did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        double[] values = svd.getSingularValues();
        int count = Math.min(svd.numberOfSingularValues(), Math.min(m.numRows, m.numCols));
        Integer[] order = new Integer[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            order[i] = i;
            total += values[i] * values[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(name() + " of a space whose codes are all equal is undefined");
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int kept = 0;
        double held = 0;
        while (kept < count && held < KEPT_VARIANCE * total) {
            held += values[order[kept]] * values[order[kept]];
            kept++;
        }
        DMatrixRMaj basis = new DMatrixRMaj(m.numRows, kept);
        for (int i = 0; i < m.numRows; i++) {
            for (int c = 0; c < kept; c++) {
                basis.set(i, c, u.get(i, order[c]));
            }
        }
        return basis;
    }
}
