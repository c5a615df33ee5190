package org.latentmap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * How result tables name their columns, declared once: a quantity's mean and sd over batches or pairs ("M-MSE mean",
 * "M-MSE sd"), a baseline's error ("baseline: class mean"). Writers name columns through it, readers (the claims
 * page) find them through it, and {@link Results#csv} writes each table's column roles beside it
 * ({@link #rolesJson}), which the runner's index reads to show a mean and its sd as one column.
 */
public final class ResultColumns {
    private static final String MEAN = " mean";
    private static final String SD = " sd";
    private static final String BASELINE = "baseline: ";

    private ResultColumns() {}

    /** The column of {@code quantity}'s means: "M-MSE mean". */
    public static String mean(String quantity) {
        return quantity + MEAN;
    }

    /** The column of {@code quantity}'s standard deviations: "M-MSE sd". */
    public static String sd(String quantity) {
        return quantity + SD;
    }

    /** The column of a baseline's error: "baseline: class mean". */
    public static String baseline(String name) {
        return BASELINE + name;
    }

    /**
     * What each column of a table with {@code header} holds, as JSON: per column its name, the label a reader shows
     * and its role: "mean" (with the name of its "sd" column), "sd" (shown with its mean), "baseline" or "value".
     */
    public static String rolesJson(List<String> header) {
        JsonArray columns = new JsonArray();
        for (String name : header) {
            JsonObject column = new JsonObject();
            column.addProperty("name", name);
            String quantity = name.endsWith(MEAN) ? name.substring(0, name.length() - MEAN.length()) : null;
            String stem = name.endsWith(SD) ? name.substring(0, name.length() - SD.length()) : null;
            if (quantity != null && header.contains(sd(quantity))) {
                column.addProperty("role", "mean");
                column.addProperty("label", quantity);
                column.addProperty("sd", sd(quantity));
            } else if (stem != null && header.contains(mean(stem))) {
                column.addProperty("role", "sd");
                column.addProperty("label", stem);
            } else if (name.startsWith(BASELINE)) {
                column.addProperty("role", "baseline");
                column.addProperty("label", name.substring(BASELINE.length()));
            } else {
                column.addProperty("role", "value");
                column.addProperty("label", name);
            }
            columns.add(column);
        }
        JsonObject roles = new JsonObject();
        roles.add("columns", columns);
        return new GsonBuilder().setPrettyPrinting().create().toJson(roles) + "\n";
    }

    /** The file beside a result CSV that holds its column roles: "table2.csv" -> "table2.columns.json". */
    public static String rolesFile(String csvName) {
        return csvName.replaceFirst("\\.csv$", "") + ".columns.json";
    }
}
