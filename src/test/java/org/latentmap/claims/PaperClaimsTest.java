package org.latentmap.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims page's rules on hand-made result files: each verdict at least once. */
class PaperClaimsTest {
    @TempDir
    Path results;

    @Test
    void theRulesOnHandMadeNumbers() {
        assertEquals(Verdict.REPRODUCED, Verdict.atMost(0.2, 0.25, 0.5));
        assertEquals(Verdict.PARTLY, Verdict.atMost(0.3, 0.25, 0.5));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.atMost(0.6, 0.25, 0.5));
        assertEquals(Verdict.NOT_TESTABLE, Verdict.atMost(Double.NaN, 0.25, 0.5));
        assertEquals(Verdict.REPRODUCED, Verdict.atLeast(1.6, 1.3, 1.0));
        assertEquals(Verdict.PARTLY, Verdict.atLeast(1.1, 1.3, 1.0));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.atLeast(0.9, 1.3, 1.0));
        assertEquals(Verdict.REPRODUCED, Verdict.share(3, 3, 0.5));
        assertEquals(Verdict.PARTLY, Verdict.share(2, 4, 0.5));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.share(1, 4, 0.5));
        assertEquals(Verdict.NOT_TESTABLE, Verdict.share(0, 0, 0.5));
    }

    @Test
    void everyClaimFromTheResultFiles() throws IOException {
        write("table2.csv", """
                source,target,fitted on,fit,pairs,M-MSE mean,target R-MSE mean
                VAE,VAE,support set (150),ridge,20,0.010,0.009
                VAE,VAE,all data (60000),ridge,20,0.0095,0.009
                VAE,Split-VAE,support set (150),ridge,5,0.020,0.010
                VAE,Split-VAE,all data (60000),ridge,5,0.012,0.010
                GAN,VAE,support set (150),ridge,5,0.030,0.010
                GAN,VAE,all data (60000),ridge,5,0.020,0.010
                """);
        write("reconstruction-gain.csv", """
                model,latent size,variables for 90%
                VAE 1,64,40
                Split-VAE 1,150,30
                """);
        write("baselines.csv", """
                baseline,mse,test_images
                mean image,0.066,2000
                class mean,0.040,2000
                random pairs,0.132,2000
                nearest training image,0.0137,2000
                """);
        write("stylegan-inversion.csv", """
                images,count,re-coder MSE,optimised MSE
                own samples,64,0.003,0.0005
                typical training images,64,0.05,0.008
                support set,64,0.1,0.014
                """);
        write("stylegan-sectors.csv", """
                samples,samples in sectors %,data in sectors %,sectors reached,data sectors
                StyleGAN,35.5,51.4,25,73
                GAN,50.0,51.4,57,73
                """);
        write("stylegan-maps.csv", """
                map,pairs,latent MSE mean,latent MSE sd,image MSE mean,image MSE sd
                StyleGAN -> Split-VAE,5,0.0450,0.0060,0.0048,0.0003
                Split-VAE -> StyleGAN,5,0.0780,0.0010,0.0035,0.0002
                """);
        PaperClaims page = PaperClaims.from(results);
        List<Verdict> verdicts = page.claims().stream().map(Claim::verdict).toList();
        assertEquals(
                List.of(
                        Verdict.REPRODUCED, // Type 1: both rows within 1.5x
                        Verdict.PARTLY, // Type 2: 1 of 2 rows
                        Verdict.NOT_REPRODUCED, // Type 3: 0 of 2 rows (3x, 2x)
                        Verdict.NOT_REPRODUCED, // support set: 1 of 3 kinds within 1.25x (1.05, 1.67, 1.5)
                        Verdict.NOT_TESTABLE, // spread: no support-set-spread.csv
                        Verdict.REPRODUCED, // 30 of 150 variables
                        Verdict.REPRODUCED, // re-coder 33x
                        Verdict.PARTLY, // optimised 0.014: below the class mean, not the nearest training image
                        Verdict.REPRODUCED, // sectors: both hold
                        Verdict.REPRODUCED, // maps: both below the mean image
                        Verdict.NOT_REPRODUCED, // direction: 0.0048 > 0.0035
                        Verdict.NOT_TESTABLE, // similarity predicts: no similarity-versus-relocation.csv
                        Verdict.NOT_TESTABLE, // local against global: the same
                        Verdict.NOT_TESTABLE, // same noise: no same-noise.csv
                        Verdict.NOT_TESTABLE, // a flow settles: no flow-settling.csv
                        Verdict.NOT_TESTABLE),
                verdicts);
        assertEquals(
                "1 of 2 rows within 1.5x the target's R-MSE; worst 2.00x",
                page.claims().get(1).measured());
        assertTrue(
                page.claims().get(4).why().startsWith("needs support-set-spread.csv (notebook 03)"),
                page.claims().get(4).why());
        var table = page.table();
        assertEquals(List.of("claim", "section", "paper", "measured", "verdict", "why"), table.columnNames());
        assertEquals("partly", table.stringColumn("verdict").get(1));
        assertEquals("16 claims: 5 reproduced, 2 partly, 3 not reproduced, 6 not testable here", page.tally());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(results.resolve(name), text);
    }

    @Test
    void theLiteraturesClaimsAboutTodaysFamiliesWithTheirRules() throws IOException {
        write("same-noise.csv", """
                pairs,pixel MSE,sd
                same noise,0.03,0.01
                different noises,0.1,0.02
                nearest training image,0.05,0.01
                """);
        write("flow-settling.csv", """
                step,share of training,L-MSE,M-MSE,target R-MSE,retraining M-MSE
                75,0.05,1.2,0.04,0.0,0.02
                375,0.25,0.9,0.025,0.0,0.02
                750,0.5,0.5,0.015,0.0,0.02
                1500,1.0,0.0,0.005,0.0,0.02
                """);
        List<Claim> claims = new TodaysFamiliesRule().judge(ResultTables.in(results));
        assertEquals(Verdict.PARTLY, claims.get(0).verdict(), "0.03 / 0.1 = 0.30: above 0.25, below 0.75");
        assertEquals(
                "pixel MSE 0.0300 between the two drawings of the same noise, 0.1000 between drawings of different noises"
                        + " (0.30 of it)",
                claims.get(0).measured());
        assertEquals(Verdict.PARTLY, claims.get(1).verdict(), "first at or below 0.02 at half the training");
        assertEquals(
                "closer to the trained flow than a retraining (M-MSE 0.0200) from 50% of the training on",
                claims.get(1).measured());
        write("flow-settling.csv", """
                step,share of training,L-MSE,M-MSE,target R-MSE,retraining M-MSE
                75,0.05,1.2,0.025,0.0,0.031
                1500,1.0,0.0,0.027,0.0,0.031
                """);
        Claim floor = new TodaysFamiliesRule().judge(ResultTables.in(results)).get(1);
        assertEquals(Verdict.NOT_TESTABLE, floor.verdict(), "0.031 is not 1.5 x the floor 0.027");
        write("flow-settling.csv", """
                step,share of training,L-MSE,M-MSE,target R-MSE,retraining M-MSE
                6,0.5,,,0.0,
                12,1.0,0.1,0.006,0.0,
                """);
        Claim missing = new TodaysFamiliesRule().judge(ResultTables.in(results)).get(1);
        assertEquals(Verdict.NOT_TESTABLE, missing.verdict(), "no finite retraining M-MSE: nothing to compare with");
    }

    @Test
    void whichSimilarityPredictsRelocationAsAFindingWithItsRule() throws IOException {
        String header = "measure,form,agreement,Spearman rho,95% low,95% high,verdict\n";
        write("similarity-versus-relocation.csv", header + """
                debiased linear CKA,raw,global,-0.5,-0.7,-0.2,predicts
                debiased linear CKA,calibrated,global,-0.3,-0.6,0.1,no evidence
                mutual 10-NN,raw,local,-0.6,-0.8,-0.3,predicts
                mutual 10-NN,calibrated,local,-0.7,-0.9,-0.5,predicts
                """);
        List<Claim> claims = new SimilarityPredictsRule().judge(ResultTables.in(results));
        assertEquals(2, claims.size());
        assertEquals(Verdict.PARTLY, claims.get(0).verdict(), "1 of 2 calibrated measures predicts");
        assertTrue(
                claims.get(0).measured().startsWith("1 of 2 calibrated measures predict it"),
                claims.get(0).measured());
        assertEquals(Verdict.REPRODUCED, claims.get(1).verdict(), "local -0.7 with its interval ending at -0.5 < -0.3");
        assertEquals(
                "strongest local: mutual 10-NN, calibrated: rho -0.70 [-0.90, -0.50]; strongest global: debiased linear"
                        + " CKA, calibrated: rho -0.30 [-0.60, 0.10]",
                claims.get(1).measured());
        write("similarity-versus-relocation.csv", header + """
                debiased linear CKA,calibrated,global,-0.6,-0.8,-0.4,predicts
                mutual 10-NN,calibrated,local,-0.7,-0.9,-0.5,predicts
                """);
        claims = new SimilarityPredictsRule().judge(ResultTables.in(results));
        assertEquals(Verdict.REPRODUCED, claims.get(0).verdict(), "every calibrated measure predicts");
        assertEquals(Verdict.PARTLY, claims.get(1).verdict(), "local ahead, but -0.5 is not below -0.6");
        write("similarity-versus-relocation.csv", header + """
                debiased linear CKA,calibrated,global,-0.6,-0.8,-0.4,predicts
                mutual 10-NN,calibrated,local,0.1,-0.2,0.4,no evidence
                """);
        claims = new SimilarityPredictsRule().judge(ResultTables.in(results));
        assertEquals(Verdict.NOT_REPRODUCED, claims.get(1).verdict(), "global ahead");
    }
}
