package org.latentmap.claims;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latentmap.ResultFile;
import org.latentmap.metrics.TrainingReport;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The claims page: every claim of the paper that the walkthrough tests, the paper's number, this run's, and
 * a verdict computed by a rule written beside the claim, one {@link ClaimRule} each, reading the result files the
 * notebooks wrote ({@code results/}) through their declarations ({@link ResultTables}). A claim whose file is missing
 * (its notebook did not run) is "not testable here" and says which file it needed. Errors on Fashion-MNIST are not
 * on CelebA's scale, so the rules compare within this run (an error against the target's own error, a baseline, a
 * ratio), never against the paper's absolute numbers.
 */
public final class PaperClaims {
    /** Notebook 10's {@link #table()}. */
    public static final ResultFile FILE = new ResultFile("claims.csv", "notebook 10");
    /** A relocated image counts as close to the target's own reconstruction within this factor. */
    public static final double CLOSE = 1.5;
    /** A support-set map counts as nearly as good as the all-data map within this factor. */
    public static final double NEARLY = 1.25;

    /** The page's rules, in its order. */
    public static final List<ClaimRule> RULES = List.of(
            RelocationTypeRule.retrainings(),
            RelocationTypeRule.differentVaes(),
            RelocationTypeRule.ganAndVae(),
            new SupportSetSufficesRule(),
            new SupportSetSpreadRule(),
            new FewVariablesRule(),
            new StyleGanRecoderRule(),
            new StyleGanOptimisationRule(),
            new StyleGanSectorsRule(),
            new StyleGanMapsRule(),
            new SimilarityPredictsRule(),
            new TodaysFamiliesRule(),
            results -> List.of(
                    new Claim(
                            "M-MSE stays below 0.039 for every pair of Table 2",
                            "6, Table 2",
                            "< 0.039 (CelebA)",
                            "",
                            Verdict.NOT_TESTABLE,
                            "an absolute number on CelebA; Fashion-MNIST's errors are on another scale (the relative claims above test it here)")));

    private final ResultTables results;
    private final List<Claim> claims;

    private PaperClaims(ResultTables results, List<Claim> claims) {
        this.results = results;
        this.claims = claims;
    }

    /** Every claim, judged from the result files in {@code folder}. */
    public static PaperClaims from(Path folder) {
        ResultTables results = ResultTables.in(folder);
        List<Claim> claims = new ArrayList<>();
        RULES.forEach(rule -> claims.addAll(rule.judge(results)));
        return new PaperClaims(results, List.copyOf(claims));
    }

    public List<Claim> claims() {
        return claims;
    }

    /** The page as a table: {@code claim, section, paper, measured, verdict, why}. */
    public Table table() {
        StringColumn[] columns = {
            StringColumn.create("claim"),
            StringColumn.create("section"),
            StringColumn.create("paper"),
            StringColumn.create("measured"),
            StringColumn.create("verdict"),
            StringColumn.create("why")
        };
        for (Claim c : claims) {
            columns[0].append(c.claim());
            columns[1].append(c.section());
            columns[2].append(c.paper());
            columns[3].append(c.measured());
            columns[4].append(c.verdict().text());
            columns[5].append(c.why());
        }
        return Table.create("The paper's claims, tested", columns);
    }

    /**
     * Which models this run's numbers rest on (issue 29), from notebook 01's {@code model-checks.csv}: how many passed
     * their health check, which were left out by the rule (a model that fails its health check is left out of every
     * table, so no claim is judged with it), and how many reproduced the shipped record bit for bit.
     */
    public String models() {
        Optional<Table> read = results.read(TrainingReport.CHECKS_FILE);
        if (read.isEmpty()) {
            return "The models' checks were not found (" + TrainingReport.CHECKS_FILE.name() + ", "
                    + TrainingReport.CHECKS_FILE.notebook() + "): which models the numbers rest on is not known here.";
        }
        Table checks = read.get();
        List<String> leftOut = new ArrayList<>();
        Map<String, Integer> records = new java.util.TreeMap<>();
        for (Row row : checks) {
            if (row.getString(TrainingReport.IN_THIS_RUN).equals(TrainingReport.LEFT_OUT)) {
                leftOut.add(row.getString(TrainingReport.MODEL) + " (" + row.getString(TrainingReport.FOUND) + ")");
            }
            records.merge(row.getString(TrainingReport.RECORD), 1, Integer::sum);
        }
        List<String> recordParts = new ArrayList<>();
        records.forEach((outcome, count) -> recordParts.add(count + " " + outcome));
        return String.format(
                Locale.ROOT,
                "Rule: a model that fails its health check (notebook 01) is left out of every table and claim. In this"
                        + " run %d of %d models passed%s. Against the shipped reproducibility record: %s.",
                checks.rowCount() - leftOut.size(),
                checks.rowCount(),
                leftOut.isEmpty() ? "" : "; left out: " + String.join(", ", leftOut),
                String.join(", ", recordParts));
    }

    /** How many claims got each verdict, in a line. */
    public String tally() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        claims.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            parts.add(counts.getOrDefault(v, 0) + " " + v.text());
        }
        return claims.size() + " claims: " + String.join(", ", parts);
    }
}
