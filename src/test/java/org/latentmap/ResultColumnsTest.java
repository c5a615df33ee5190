package org.latentmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ResultColumnsTest {
    @Test
    void columnsAreNamedAndTheirRolesDeclaredInOnePlace() {
        assertEquals("M-MSE mean", ResultColumns.mean("M-MSE"));
        assertEquals("M-MSE sd", ResultColumns.sd("M-MSE"));
        assertEquals("baseline: class mean", ResultColumns.baseline("class mean"));
        JsonArray roles = JsonParser.parseString(ResultColumns.rolesJson(
                        List.of("source", "M-MSE mean", "M-MSE sd", "pixel sd", "lonely mean", "baseline: mean image")))
                .getAsJsonObject()
                .getAsJsonArray("columns");
        assertEquals(6, roles.size());
        assertRole(roles.get(0).getAsJsonObject(), "source", "value", "source");
        assertRole(roles.get(1).getAsJsonObject(), "M-MSE mean", "mean", "M-MSE");
        assertEquals("M-MSE sd", roles.get(1).getAsJsonObject().get("sd").getAsString());
        assertRole(roles.get(2).getAsJsonObject(), "M-MSE sd", "sd", "M-MSE");
        assertRole(roles.get(3).getAsJsonObject(), "pixel sd", "value", "pixel sd");
        assertRole(roles.get(4).getAsJsonObject(), "lonely mean", "value", "lonely mean");
        assertRole(roles.get(5).getAsJsonObject(), "baseline: mean image", "baseline", "mean image");
        assertEquals("table2.columns.json", ResultColumns.rolesFile("table2.csv"));
    }

    @Test
    void aResultTableIsWrittenWithItsRolesBesideIt(@TempDir Path folder) throws Exception {
        System.setProperty("latentmap.results", folder.toString());
        try {
            Table table = Table.create(
                    "t",
                    StringColumn.create("model", "VAE 1"),
                    DoubleColumn.create(ResultColumns.mean("R-MSE"), 0.5),
                    DoubleColumn.create(ResultColumns.sd("R-MSE"), 0.25));
            Path csv = Results.csv(table, new ResultFile("t.csv", "a test"));
            assertEquals("model,R-MSE mean,R-MSE sd\nVAE 1,0.5,0.25\n", Files.readString(csv));
            assertEquals(
                    ResultColumns.rolesJson(table.columnNames()), Files.readString(folder.resolve("t.columns.json")));
        } finally {
            System.clearProperty("latentmap.results");
        }
    }

    private static void assertRole(JsonObject column, String name, String role, String label) {
        assertEquals(name, column.get("name").getAsString());
        assertEquals(role, column.get("role").getAsString());
        assertEquals(label, column.get("label").getAsString());
    }
}
