package org.latentmap.similarity;

import java.util.ArrayList;
import java.util.List;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.metrics.Stats;
import org.latentmap.relocation.Relocation;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How similar the trained models' latent spaces are, pair by pair, without fitting any map (beyond the
 * paper): {@link LinearCka linear CKA} and {@link MutualNeighbours mutual k-nearest-neighbour overlap} of the
 * codes the models give the same images. Both are symmetric; the diagonal is 1.
 */
public final class SpaceSimilarity {
    /** Notebook 08's {@link #table()}. */
    public static final ResultFile FILE = new ResultFile("space-similarity.csv", "notebook 08");

    private final List<String> names;
    private final double[][] cka;
    private final double[][] neighbours;
    private final int k;

    private SpaceSimilarity(List<String> names, double[][] cka, double[][] neighbours, int k) {
        this.names = names;
        this.cka = cka;
        this.neighbours = neighbours;
        this.k = k;
    }

    /** Every pair of {@code models}, on their codes of {@code images}, with {@code k} neighbours; a progress line. */
    public static SpaceSimilarity of(List<TrainedModel> models, ImageSet images, int k) {
        if (models.size() < 2) {
            throw new IllegalArgumentException("similarity needs at least 2 models; got " + models.size());
        }
        List<CodeMatrix> codes = new ArrayList<>();
        for (TrainedModel model : models) {
            codes.add(Codes.of(model, images));
        }
        int m = models.size();
        double[][] cka = new double[m][m];
        double[][] knn = new double[m][m];
        Progress progress = ProgressLine.toStandardOutput("pair");
        long total = (long) m * (m - 1) / 2;
        long done = 0;
        progress.start("similarity of " + m + " spaces on " + images.size() + " images", 0, total);
        for (int a = 0; a < m; a++) {
            cka[a][a] = 1;
            knn[a][a] = 1;
            for (int b = a + 1; b < m; b++) {
                cka[a][b] = cka[b][a] = LinearCka.of(codes.get(a), codes.get(b));
                knn[a][b] = knn[b][a] = MutualNeighbours.of(codes.get(a), codes.get(b), k);
                progress.update(++done, total, Double.NaN);
            }
        }
        progress.end(done, total, null);
        return new SpaceSimilarity(models.stream().map(TrainedModel::name).toList(), cka, knn, k);
    }

    public List<String> names() {
        return names;
    }

    /** Linear CKA, one row and column per model. */
    public double[][] cka() {
        return copy(cka);
    }

    /** Mutual k-NN overlap, one row and column per model. */
    public double[][] neighbours() {
        return copy(neighbours);
    }

    public int k() {
        return k;
    }

    /** The CKA of two models by name. */
    public double cka(String a, String b) {
        return cka[index(a)][index(b)];
    }

    /** The k-NN overlap of two models by name. */
    public double neighbours(String a, String b) {
        return neighbours[index(a)][index(b)];
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no model named \"" + name + "\"; the models are " + names);
        }
        return i;
    }

    /** One row per pair of models: CKA and k-NN overlap. */
    public Table table() {
        StringColumn a = StringColumn.create("model A");
        StringColumn b = StringColumn.create("model B");
        DoubleColumn c = DoubleColumn.create("linear CKA");
        DoubleColumn n = DoubleColumn.create(k + "-NN overlap");
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                a.append(names.get(i));
                b.append(names.get(j));
                c.append(Math.round(cka[i][j] * 1000) / 1000.0);
                n.append(Math.round(neighbours[i][j] * 1000) / 1000.0);
            }
        }
        return Table.create("Similarity of latent spaces", a, b, c, n);
    }

    /**
     * Do the two measures agree with how well maps relocate? Spearman's rank correlation, over
     * {@code relocations} between models of this comparison, of each measure against the relocation's M-MSE
     * over the target's own R-MSE (how far the relocation falls short of the best the target can draw). A
     * strongly negative value means: the more similar the spaces, the better the map.
     */
    public Table agreementWith(List<Relocation> relocations) {
        List<Relocation> known = relocations.stream()
                .filter(r -> names.contains(r.source().name())
                        && names.contains(r.target().name()))
                .toList();
        if (known.size() < 3) {
            throw new IllegalArgumentException(
                    "agreement needs at least 3 relocations between these models; got " + known.size());
        }
        double[] shortfall = known.stream()
                .mapToDouble(r -> r.mMseMean() / r.targetRMseMean())
                .toArray();
        double[] c = known.stream()
                .mapToDouble(r -> cka(r.source().name(), r.target().name()))
                .toArray();
        double[] n = known.stream()
                .mapToDouble(r -> neighbours(r.source().name(), r.target().name()))
                .toArray();
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn rho = DoubleColumn.create("Spearman vs M-MSE / target R-MSE");
        measure.append("linear CKA");
        rho.append(Math.round(Stats.spearman(c, shortfall) * 1000) / 1000.0);
        measure.append(k + "-NN overlap");
        rho.append(Math.round(Stats.spearman(n, shortfall) * 1000) / 1000.0);
        return Table.create("Similarity against relocation error (" + known.size() + " relocations)", measure, rho);
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
