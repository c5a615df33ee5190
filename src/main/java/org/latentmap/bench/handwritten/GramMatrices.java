package org.latentmap.bench.handwritten;

/**
 * Z1^T Z1 and Z1^T Z2 of pairs of codes, accumulated row by row: what the Gram-based fits need
 * (the dense-layer fit and the validated ridge) instead of the codes themselves.
 */
final class GramMatrices {
    final double[][] gram;
    final double[][] cross;

    GramMatrices(int sourceSize, int targetSize) {
        gram = new double[sourceSize][sourceSize];
        cross = new double[sourceSize][targetSize];
    }

    /** Adds one pair of codes. */
    void add(float[] z, float[] y) {
        for (int k = 0; k < z.length; k++) {
            double zk = z[k];
            double[] gramRow = gram[k];
            for (int m = 0; m < z.length; m++) {
                gramRow[m] += zk * z[m];
            }
            double[] crossRow = cross[k];
            for (int j = 0; j < y.length; j++) {
                crossRow[j] += zk * y[j];
            }
        }
    }
}
