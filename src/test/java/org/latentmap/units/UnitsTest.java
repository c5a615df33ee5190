package org.latentmap.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.Profile;

class UnitsTest {
    @Test
    void theFullWalkthroughIsItsTrainingsThenTheirEncodingsThenTableTwoThenAcrossFamilies() {
        List<Unit> plan = Units.plan(Profile.FULL);
        assertEquals(15 + 2 + 4 + 15 + 4 + 3 + 1, plan.size());
        assertEquals("train/vae-seed1", plan.get(0).line());
        assertEquals("train/split-vae-seed5", plan.get(14).line());
        assertEquals("train/style-gan-curated", plan.get(15).line());
        assertEquals("train/style-gan-control", plan.get(16).line());
        assertEquals("train/flow-seed1", plan.get(17).line());
        assertEquals("train/diffusion-seed2", plan.get(20).line());
        assertEquals("encode/vae-seed1 after train/vae-seed1", plan.get(21).line());
        assertEquals(
                "encode/flow-seed1 after train/flow-seed1,encode/split-vae-seed1",
                plan.get(36).line());
        assertEquals("relocate/type1", plan.get(40).id());
        assertEquals(15, plan.get(40).needs().size(), "Table 2's relocations after every encoding");
        assertTrue(plan.get(42).needs().stream().allMatch(n -> n.startsWith("encode/")));
        assertEquals("relocate/cross-family", plan.get(43).id());
        assertEquals(
                List.of(
                        "encode/flow-seed1",
                        "encode/flow-seed2",
                        "encode/diffusion-seed1",
                        "encode/diffusion-seed2",
                        "encode/vae-seed1",
                        "encode/gan-seed1",
                        "encode/split-vae-seed1"),
                plan.get(43).needs(),
                "across families after today's models and the paper's seed-1 models are encoded");
        for (int i = 0; i < plan.size(); i++) {
            for (String need : plan.get(i).needs()) {
                int at = i;
                assertTrue(
                        plan.subList(0, at).stream().anyMatch(u -> u.id().equals(need)),
                        plan.get(i).id() + " comes after " + need);
            }
        }
        assertEquals(
                9 + 2 + 4 + 9 + 4 + 3 + 1,
                Units.plan(Profile.SMOKE).size(),
                "3 seeds of each paper family in the smoke profile, 2 of today's");
    }

    @Test
    void namedTrainingsBringTheirEncodingsAndNothingThatNeedsMore() {
        List<Unit> plan = Units.plan(Profile.SMOKE);
        assertEquals(
                List.of("train/vae-seed1", "train/style-gan-control", "encode/vae-seed1"),
                Units.closure(plan, List.of("train/style-gan-control", "train/vae-seed1")).stream()
                        .map(Unit::id)
                        .toList());
        List<String> everyTraining = plan.stream()
                .map(Unit::id)
                .filter(id -> id.startsWith(Units.TRAIN))
                .toList();
        List<Unit> all = Units.closure(plan, everyTraining);
        assertEquals(
                plan.size(),
                all.size(),
                "every training brings every encoding, then Table 2 and the relocations across families");
        assertThrows(IllegalArgumentException.class, () -> Units.closure(plan, List.of("train/gan-seed4")));
    }

    /**
     * The relocation units set their relocations up as notebooks 04-06's first cells do, and the notebooks take their
     * relocations from the same {@code RelocationTypes}: else the units would store relocations the notebooks never
     * read (other batches, another support set, another fit), and the notebooks would compute theirs again.
     */
    @Test
    void theRelocationUnitsSetUpWhatNotebooksFourToSixRead() throws Exception {
        for (String notebook : List.of("04-type1", "05-type2", "06-type3")) {
            String code = code(Path.of("notebooks", notebook + ".ipynb"));
            for (String line : List.of(
                    "var train = data.train();",
                    "var test = data.relocationTest();",
                    "var models = ModelZoo.standard().all(profile, data.key(), train);",
                    "var support = SupportSets.standard(train, TrainedModel.find(models, ModelFamily.SPLIT_VAE, 1));",
                    "var relocations = Relocations.on(train, test).batches(profile.pick(250, 25));",
                    "var fit = MapFit.validatedRidge();",
                    "RelocationTypes.of(relocations, models, fit, support)")) {
                assertTrue(code.contains(line), notebook + " no longer says " + line + ": change Units.types with it");
            }
        }
    }

    private static String code(Path notebook) throws Exception {
        StringBuilder code = new StringBuilder();
        for (JsonElement cell : JsonParser.parseString(Files.readString(notebook))
                .getAsJsonObject()
                .getAsJsonArray("cells")) {
            if (cell.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cell.getAsJsonObject().getAsJsonArray("source").forEach(line -> code.append(line.getAsString()));
                code.append('\n');
            }
        }
        return code.toString();
    }

    @Test
    void anUnknownUnitNamesTheKindsThereAre() {
        var error = assertThrows(IllegalArgumentException.class, () -> Units.find("train/vae-seed9", Profile.SMOKE));
        assertEquals(
                "no unit train/vae-seed9 in the smoke profile; UnitCommand plan lists them (train/FAMILY-seedN,"
                        + " train/style-gan-curated, train/style-gan-control, encode/FAMILY-seedN, relocate/typeN,"
                        + " relocate/cross-family)",
                error.getMessage());
    }
}
