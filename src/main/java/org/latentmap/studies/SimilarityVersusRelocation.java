package org.latentmap.studies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.latentmap.ResultFile;
import org.latentmap.data.ImageSet;
import org.latentmap.features.Codes;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.metrics.RankCorrelation;
import org.latentmap.relocation.Relocation;
import org.latentmap.similarity.CalibratedScore;
import org.latentmap.similarity.Calibration;
import org.latentmap.similarity.Cknna;
import org.latentmap.similarity.DebiasedCka;
import org.latentmap.similarity.MutualNeighbours;
import org.latentmap.similarity.PairedMeasure;
import org.latentmap.similarity.PermutationNull;
import org.latentmap.similarity.Svcca;
import org.latentmap.train.Progress;
import org.latentmap.train.ProgressLine;
import org.latentmap.zoo.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which similarity measure predicts relocation (issue 32, beyond the paper)? Over every pair of models, each
 * measure's score of their codes of the same images, raw and calibrated against its {@link PermutationNull}, set
 * against how well a map relocates between them: the relocated images' M-MSE over the target's own R-MSE, the mean
 * of both directions (the measures are symmetric). Spearman's rank correlation of each with a bootstrap interval
 * over the models ({@link RankCorrelation}).
 */
public final class SimilarityVersusRelocation {
    /** Notebook 08's {@link #scores()}. */
    public static final ResultFile SCORES_FILE = new ResultFile("similarity-scores.csv", "notebook 08");
    /** Notebook 08's {@link #against} table. */
    public static final ResultFile FILE = new ResultFile("similarity-versus-relocation.csv", "notebook 08");
    /** Columns of {@link #against}. */
    public static final String MEASURE = "measure";

    public static final String FORM = "form";
    public static final String AGREEMENT = "agreement";
    public static final String RHO = "Spearman rho";
    public static final String LOW = "95% low";
    public static final String HIGH = "95% high";
    public static final String VERDICT = "verdict";
    /** {@link #FORM}'s values and {@link #AGREEMENT}'s. */
    public static final String RAW = "raw";

    public static final String CALIBRATED = "calibrated";
    public static final String LOCAL_AGREEMENT = "local";
    public static final String GLOBAL_AGREEMENT = "global";
    /** {@link #VERDICT}'s value for a measure whose interval lies below 0. */
    public static final String PREDICTS = "predicts";

    /** Measures of neighbourhoods (local agreement); the others compare whole spaces (global). */
    private static final Set<Class<?>> LOCAL = Set.of(MutualNeighbours.class, Cknna.class);

    private final List<TrainedModel> models;
    private final List<Calibration> measures;
    private final CalibratedScore[][][] scores;
    private final double[] seconds;
    private final int images;

    private SimilarityVersusRelocation(
            List<TrainedModel> models,
            List<Calibration> measures,
            CalibratedScore[][][] scores,
            double[] seconds,
            int images) {
        this.models = models;
        this.measures = measures;
        this.scores = scores;
        this.seconds = seconds;
        this.images = images;
    }

    /**
     * The field's measures as this study calibrates them: debiased linear and RBF CKA, mutual 10-NN and CKNNA
     * ({@code shuffles} shuffles each), SVCCA ({@code svccaShuffles}: each costs a canonical correlation analysis).
     */
    public static List<Calibration> standardMeasures(int shuffles, int svccaShuffles) {
        return List.of(
                Calibration.of(DebiasedCka.LINEAR, shuffles),
                Calibration.of(DebiasedCka.RBF, shuffles),
                Calibration.of(MutualNeighbours.k(MutualNeighbours.PLATONIC_K), shuffles),
                Calibration.of(Cknna.k(MutualNeighbours.PLATONIC_K), shuffles),
                Calibration.of(Svcca.STANDARD, svccaShuffles));
    }

    /**
     * Every pair of {@code models}, every measure, on their codes of {@code images}; each pair's null drawn from its
     * own seed (from {@code seed} and the pair), so that a pair's score does not depend on the others. A progress
     * line per measure.
     */
    public static SimilarityVersusRelocation of(
            List<TrainedModel> models, ImageSet images, List<Calibration> measures, long seed) {
        if (models.size() < 3) {
            throw new IllegalArgumentException(
                    "a rank correlation over pairs needs at least 3 models; got " + models.size());
        }
        if (measures.isEmpty()) {
            throw new IllegalArgumentException(
                    "no measures given: try SimilarityVersusRelocation.standardMeasures(100, 20)");
        }
        List<CodeMatrix> codes = new ArrayList<>();
        for (TrainedModel model : models) {
            codes.add(Codes.of(model, images));
        }
        int m = models.size();
        CalibratedScore[][][] scores = new CalibratedScore[measures.size()][m][m];
        double[] seconds = new double[measures.size()];
        for (int s = 0; s < measures.size(); s++) {
            Calibration calibration = measures.get(s);
            PairedMeasure measure = calibration.measure();
            long start = System.nanoTime();
            List<PairedMeasure.Space> spaces = new ArrayList<>();
            for (CodeMatrix c : codes) {
                spaces.add(measure.space(c));
            }
            Progress progress = ProgressLine.toStandardOutput("pair");
            long total = (long) m * (m - 1) / 2;
            long done = 0;
            progress.start(measure.name() + ", " + calibration.shuffles() + " shuffles", 0, total);
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    CalibratedScore score = PermutationNull.of(
                            measure, spaces.get(a), spaces.get(b), calibration.shuffles(), seed + (long) a * m + b);
                    scores[s][a][b] = score;
                    scores[s][b][a] = score;
                    progress.update(++done, total, Double.NaN);
                }
            }
            progress.end(done, total, null);
            seconds[s] = (System.nanoTime() - start) / 1e9;
        }
        return new SimilarityVersusRelocation(
                List.copyOf(models), List.copyOf(measures), scores, seconds, images.size());
    }

    /** The measures' names, in order. */
    public List<String> measures() {
        return measures.stream().map(c -> c.measure().name()).toList();
    }

    /** The models' names, in order. */
    public List<String> names() {
        return models.stream().map(TrainedModel::name).toList();
    }

    /** The score of {@code measure} between models a and b (a != b). */
    public CalibratedScore score(String measure, int a, int b) {
        return scores[index(measure)][a][b];
    }

    /** {@code measure}'s calibrated scores as a matrix over the models (the diagonal 1), for a heatmap. */
    public double[][] calibrated(String measure) {
        return matrix(measure, true);
    }

    /** {@code measure}'s raw scores as a matrix over the models (the diagonal 1), for a heatmap. */
    public double[][] raw(String measure) {
        return matrix(measure, false);
    }

    private double[][] matrix(String measure, boolean calibrated) {
        int s = index(measure);
        int m = models.size();
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                out[a][b] = a == b ? 1 : calibrated ? scores[s][a][b].calibrated() : scores[s][a][b].score();
            }
        }
        return out;
    }

    private int index(String measure) {
        int s = measures().indexOf(measure);
        if (s < 0) {
            throw new IllegalArgumentException("no measure \"" + measure + "\" in this study; it has " + measures());
        }
        return s;
    }

    /** What each measure cost, in seconds (its spaces prepared, every pair scored with its null), and its shuffles. */
    public Table cost() {
        StringColumn name = StringColumn.create("measure");
        IntColumn shuffles = IntColumn.create("shuffles");
        DoubleColumn time = DoubleColumn.create("seconds");
        for (int s = 0; s < measures.size(); s++) {
            name.append(measures.get(s).measure().name());
            shuffles.append(measures.get(s).shuffles());
            time.append(Math.round(seconds[s] * 10) / 10.0);
        }
        return Table.create(
                "Cost of the similarity study (" + models.size() + " models, " + images + " images)",
                name,
                shuffles,
                time);
    }

    /** The whole study's time in seconds. */
    public double seconds() {
        double sum = 0;
        for (double s : seconds) {
            sum += s;
        }
        return sum;
    }

    /** One row per pair of models: each measure's score, calibrated score and p-value. */
    public Table scores() {
        StringColumn a = StringColumn.create("model A");
        StringColumn b = StringColumn.create("model B");
        Table table = Table.create("Similarity of latent spaces, calibrated (" + images + " images)", a, b);
        List<DoubleColumn[]> columns = new ArrayList<>();
        for (Calibration c : measures) {
            String name = c.measure().name();
            DoubleColumn[] three = {
                DoubleColumn.create(name), DoubleColumn.create(name + " calibrated"), DoubleColumn.create(name + " p")
            };
            columns.add(three);
            table.addColumns(three);
        }
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                a.append(models.get(i).name());
                b.append(models.get(j).name());
                for (int s = 0; s < measures.size(); s++) {
                    CalibratedScore score = scores[s][i][j];
                    columns.get(s)[0].append(round(score.score()));
                    columns.get(s)[1].append(round(score.calibrated()));
                    columns.get(s)[2].append(round(score.pValue()));
                }
            }
        }
        return table;
    }

    /**
     * Each measure, raw and calibrated, against the relocation error of the pairs {@code relocations} holds (both
     * directions of a pair averaged; a pair with one direction uses it): Spearman's rho with its 95% interval from
     * {@code resamples} model resamples drawn from {@code seed}. The verdict column says "predicts" when the
     * interval lies wholly below 0 (more similar, better relocated), else "no evidence".
     */
    public Table against(List<Relocation> relocations, int resamples, long seed) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            at.put(models.get(i).name(), i);
        }
        int m = models.size();
        double[][] sum = new double[m][m];
        int[][] count = new int[m][m];
        for (Relocation r : relocations) {
            Integer a = at.get(r.source().name());
            Integer b = at.get(r.target().name());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            double shortfall = r.mMseMean() / r.targetRMseMean();
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            sum[lo][hi] += shortfall;
            count[lo][hi]++;
        }
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                if (count[a][b] > 0) {
                    pairs.add(new int[] {a, b});
                }
            }
        }
        if (pairs.size() < 3) {
            throw new IllegalArgumentException("a rank correlation needs relocations between at least 3 pairs of this"
                    + " study's models; got " + pairs.size());
        }
        int n = pairs.size();
        int[] first = new int[n];
        int[] second = new int[n];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = pairs.get(i)[0];
            second[i] = pairs.get(i)[1];
            error[i] = sum[first[i]][second[i]] / count[first[i]][second[i]];
        }
        StringColumn measure = StringColumn.create(MEASURE);
        StringColumn form = StringColumn.create(FORM);
        StringColumn scope = StringColumn.create(AGREEMENT);
        DoubleColumn rho = DoubleColumn.create(RHO);
        DoubleColumn low = DoubleColumn.create(LOW);
        DoubleColumn high = DoubleColumn.create(HIGH);
        StringColumn verdict = StringColumn.create(VERDICT);
        for (int s = 0; s < measures.size(); s++) {
            for (boolean calibrated : new boolean[] {false, true}) {
                double[] value = new double[n];
                for (int i = 0; i < n; i++) {
                    CalibratedScore score = scores[s][first[i]][second[i]];
                    value[i] = calibrated ? score.calibrated() : score.score();
                }
                RankCorrelation r = RankCorrelation.overPairs(first, second, value, error, m, resamples, seed);
                measure.append(measures.get(s).measure().name());
                form.append(calibrated ? CALIBRATED : RAW);
                scope.append(local(s) ? LOCAL_AGREEMENT : GLOBAL_AGREEMENT);
                rho.append(round(r.rho()));
                low.append(round(r.low()));
                high.append(round(r.high()));
                verdict.append(r.negative() ? PREDICTS : "no evidence");
            }
        }
        return Table.create(
                String.format(
                        Locale.ROOT,
                        "Similarity against relocation error (%d pairs of %d models, %d model" + " resamples)",
                        n,
                        m,
                        resamples),
                measure,
                form,
                scope,
                rho,
                low,
                high,
                verdict);
    }

    /**
     * The row of an {@link #against} table with the lowest rho (the strongest prediction) among the measures of
     * {@code agreement} ({@link #LOCAL_AGREEMENT} or {@link #GLOBAL_AGREEMENT}) in {@code form} ({@link #RAW} or
     * {@link #CALIBRATED}); empty when it has none.
     */
    public static Optional<Row> strongest(Table against, String agreement, String form) {
        Row best = null;
        for (Row row : against) {
            if (row.getString(AGREEMENT).equals(agreement)
                    && row.getString(FORM).equals(form)
                    && (best == null || row.getDouble(RHO) < best.getDouble(RHO))) {
                best = against.row(row.getRowNumber());
            }
        }
        return Optional.ofNullable(best);
    }

    /** An {@link #against} row in words: "mutual 10-NN, calibrated: rho -0.62 [-0.80, -0.35]". */
    public static String describe(Row row) {
        return String.format(
                Locale.ROOT,
                "%s, %s: rho %.2f [%.2f, %.2f]",
                row.getString(MEASURE),
                row.getString(FORM),
                row.getDouble(RHO),
                row.getDouble(LOW),
                row.getDouble(HIGH));
    }

    /**
     * An {@link #against} table's verdicts in sentences: which measures predict relocation in each form, how far
     * calibration moved a measure's rho, and the strongest local and global measure after calibration.
     */
    public static List<String> verdicts(Table against) {
        List<String> lines = new ArrayList<>();
        for (String form : List.of(RAW, CALIBRATED)) {
            List<String> predicting = new ArrayList<>();
            List<String> not = new ArrayList<>();
            for (Row row : against) {
                if (row.getString(FORM).equals(form)) {
                    (row.getString(VERDICT).equals(PREDICTS) ? predicting : not).add(row.getString(MEASURE));
                }
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%s scores: %s predict relocation (95%% interval below 0); %s",
                    form,
                    predicting.isEmpty() ? "none" : String.join(", ", predicting),
                    not.isEmpty() ? "every measure does" : "no evidence for " + String.join(", ", not)));
        }
        Map<String, Double> rawRho = new HashMap<>();
        for (Row row : against) {
            if (row.getString(FORM).equals(RAW)) {
                rawRho.put(row.getString(MEASURE), row.getDouble(RHO));
            }
        }
        double moved = 0;
        String most = "";
        for (Row row : against) {
            Double raw = rawRho.get(row.getString(MEASURE));
            if (row.getString(FORM).equals(CALIBRATED) && raw != null) {
                double change = Math.abs(row.getDouble(RHO) - raw);
                if (change >= moved) {
                    moved = change;
                    most = row.getString(MEASURE);
                }
            }
        }
        lines.add(String.format(Locale.ROOT, "calibration moved a measure's rho by at most %.3f (%s)", moved, most));
        Optional<Row> local = strongest(against, LOCAL_AGREEMENT, CALIBRATED);
        Optional<Row> global = strongest(against, GLOBAL_AGREEMENT, CALIBRATED);
        if (local.isPresent() && global.isPresent()) {
            double l = local.get().getDouble(RHO);
            double g = global.get().getDouble(RHO);
            String which = l < g
                    ? (local.get().getDouble(HIGH) < g
                            ? "local agreement predicts better, beyond its interval"
                            : "local agreement ranks ahead, within the interval's reach")
                    : "global agreement predicts at least as well";
            lines.add("after calibration, strongest local: " + describe(local.get()) + "; strongest global: "
                    + describe(global.get()) + ": " + which);
        }
        return lines;
    }

    private boolean local(int s) {
        return LOCAL.contains(measures.get(s).measure().getClass());
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
