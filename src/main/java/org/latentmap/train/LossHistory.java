package org.latentmap.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The losses of every training step, kept with the checkpoints so that a resumed run draws whole curves. */
public final class LossHistory {
    private final List<String> names;
    private final List<double[]> rows = new ArrayList<>();

    public LossHistory(List<String> names) {
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }

    public void add(double[] losses) {
        if (losses.length != names.size()) {
            throw new IllegalArgumentException(losses.length + " losses for the " + names.size() + " names " + names);
        }
        rows.add(losses.clone());
    }

    /** Number of steps recorded. */
    public int size() {
        return rows.size();
    }

    /** One loss over all steps (NaN where it was not computed). */
    public double[] series(String name) {
        int column = names.indexOf(name);
        if (column < 0) {
            throw new IllegalArgumentException("no loss named '" + name + "': the losses are " + names);
        }
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[column];
        }
        return values;
    }

    /**
     * One loss averaged over windows of {@code window} steps, skipping NaN: index i holds the mean over steps
     * [i window, (i + 1) window). Windows with no value are left out together with their step.
     */
    public double[][] smoothed(String name, int window) {
        double[] values = series(name);
        List<double[]> points = new ArrayList<>();
        for (int from = 0; from < values.length; from += window) {
            double sum = 0;
            int count = 0;
            for (int i = from; i < Math.min(values.length, from + window); i++) {
                if (!Double.isNaN(values[i])) {
                    sum += values[i];
                    count++;
                }
            }
            if (count > 0) {
                points.add(new double[] {from + (Math.min(values.length, from + window) - from - 1) / 2.0, sum / count
                });
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    void truncate(long steps) {
        while (rows.size() > steps) {
            rows.remove(rows.size() - 1);
        }
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(names.size());
        out.writeInt(rows.size());
        for (double[] row : rows) {
            for (double v : row) {
                out.writeDouble(v);
            }
        }
    }

    void load(DataInputStream in) throws IOException {
        int columns = in.readInt();
        if (columns != names.size()) {
            throw new IOException(
                    "the checkpoint has " + columns + " losses, this training " + names.size() + " " + names);
        }
        int count = in.readInt();
        rows.clear();
        for (int r = 0; r < count; r++) {
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = in.readDouble();
            }
            rows.add(row);
        }
    }

    @Override
    public String toString() {
        return "LossHistory" + names + ", " + rows.size() + " steps"
                + (rows.isEmpty() ? "" : ", last " + Arrays.toString(rows.get(rows.size() - 1)));
    }
}
