package org.latentmap.linalg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ejml.data.DMatrixRMaj;
import org.latentmap.engine.GradMode;

/**
 * Codes as dense double matrices (EJML's row-major {@link DMatrixRMaj}), and the products the map fits need,
 * X^T X and X^T Y over many codes, computed by the engine's double-precision matrix multiply (MKL): for
 * 60,000 codes of 150 variables it takes a few tens of milliseconds where a loop in Java takes seconds.
 */
public final class CodeProducts {
    /** Below this many multiply-adds, EJML computes the product itself (no engine round trip). */
    private static final long ENGINE_FROM = 2_000_000;

    private CodeProducts() {}

    /** The codes as an n x p matrix, with a last column of ones when {@code ones}. */
    public static DMatrixRMaj matrix(CodeMatrix codes, boolean ones) {
        int n = codes.size();
        int p = codes.width();
        int width = p + (ones ? 1 : 0);
        DMatrixRMaj m = new DMatrixRMaj(n, width);
        double[] data = m.data;
        for (int i = 0; i < n; i++) {
            int row = i * width;
            for (int k = 0; k < p; k++) {
                data[row + k] = codes.get(i, k);
            }
            if (ones) {
                data[row + p] = 1;
            }
        }
        return m;
    }

    /** The codes as an n x p matrix with each column less its mean (the codes' centred form). */
    public static DMatrixRMaj centred(CodeMatrix codes) {
        DMatrixRMaj m = matrix(codes, false);
        DMatrixRMaj means = org.ejml.dense.row.CommonOps_DDRM.sumCols(m, null);
        org.ejml.dense.row.CommonOps_DDRM.divide(means, codes.size());
        for (int i = 0; i < m.numRows; i++) {
            for (int c = 0; c < m.numCols; c++) {
                m.data[i * m.numCols + c] -= means.data[c];
            }
        }
        return m;
    }

    /** A^T B for matrices with one row per code (n x p and n x q): p x q. */
    public static DMatrixRMaj transposeTimes(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException(
                    a.numRows + " and " + b.numRows + " rows: a product of codes needs the same images");
        }
        return product(a, b, true);
    }

    /** A B for an n x p matrix A (one row per code) and a p x q matrix B: n x q, by the engine when large. */
    public static DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException(
                    a.numRows + " x " + a.numCols + " times " + b.numRows + " x " + b.numCols + ": sizes differ");
        }
        return product(a, b, false);
    }

    /** A^T B or A B: by EJML when small, else by the engine's double-precision multiply. */
    private static DMatrixRMaj product(DMatrixRMaj a, DMatrixRMaj b, boolean transposeA) {
        DMatrixRMaj product = new DMatrixRMaj(transposeA ? a.numCols : a.numRows, b.numCols);
        long work = (long) a.numRows * a.numCols * b.numCols;
        if (work < ENGINE_FROM) {
            if (transposeA) {
                org.ejml.dense.row.CommonOps_DDRM.multTransA(a, b, product);
            } else {
                org.ejml.dense.row.CommonOps_DDRM.mult(a, b, product);
            }
            return product;
        }
        GradMode.offForThisThread();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(a.data, new Shape(a.numRows, a.numCols));
            NDArray y = a == b ? x : manager.create(b.data, new Shape(b.numRows, b.numCols));
            NDArray result = (transposeA ? x.transpose() : x).matMul(y);
            if (result.getDataType() != DataType.FLOAT64) {
                throw new IllegalStateException(
                        "the engine multiplied in " + result.getDataType() + ", not double precision");
            }
            System.arraycopy(result.toDoubleArray(), 0, product.data, 0, product.data.length);
        }
        return product;
    }

    /** W as rows of a double[][] (source variables x target variables), as {@link LinearMap} holds it. */
    public static double[][] rows(DMatrixRMaj m) {
        double[][] rows = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, rows[i], 0, m.numCols);
        }
        return rows;
    }
}
