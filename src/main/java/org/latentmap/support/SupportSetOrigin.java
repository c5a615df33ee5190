package org.latentmap.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.latentmap.data.ImageSet;
import org.latentmap.zoo.TrainedModel;
import org.latentmap.zoo.ZooStore;

/**
 * Where a support set came from (paper Sect. 5), written in its file's header so that a set is never used
 * with data or a model it was not selected for: the data set and its number of images (the indices point
 * into it), the model whose codes placed the images in sectors and the SHA-256 of that model's checkpoint,
 * the sector reading, the variables (n of them), the threshold and the selection seed.
 */
public record SupportSetOrigin(
        String dataset,
        int images,
        String model,
        String checkpoint,
        SectorReading reading,
        int[] variables,
        double threshold,
        long seed) {

    static final String FORMAT = "latentmap support set v2";

    /** The origin of a set selected from {@code sectors} of {@code model}'s codes of a data set. */
    public static SupportSetOrigin of(
            String dataset, int images, String model, String checkpoint, Sectors sectors, long seed) {
        return new SupportSetOrigin(
                dataset, images, model, checkpoint, sectors.reading(), sectors.variables(), sectors.threshold(), seed);
    }

    /** The origin of a set selected from {@code sectors} of zoo model {@code model}'s codes of {@code train}. */
    public static SupportSetOrigin of(TrainedModel model, ImageSet train, Sectors sectors, long seed) {
        String checkpoint = ZooStore.checkpointHash(model);
        return of(
                model.dataset(),
                train.size(),
                model.name() + ", profile " + model.profile(),
                checkpoint == null ? "none (a model without a checkpoint)" : checkpoint,
                sectors,
                seed);
    }

    /** Whether the indices point into {@code dataset}'s training split of {@code images} images. */
    public boolean pointsInto(String dataset, int images) {
        return this.dataset.equals(dataset) && this.images == images;
    }

    /** Whether {@code model} selected the set: its checkpoint's SHA-256 is the one recorded. */
    public boolean selectedBy(TrainedModel model) {
        String hash = ZooStore.checkpointHash(model);
        return hash != null && hash.equals(checkpoint);
    }

    /** A SHA-256 shortened for messages (its first 12 digits), or "none". */
    static String shortHash(String hash) {
        return hash == null ? "none" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** The header lines (without "# "), one "key: value" each, after the format's name. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add("data: " + dataset);
        lines.add("images: " + images);
        lines.add("model: " + model);
        lines.add("checkpoint sha256: " + checkpoint);
        lines.add("sector reading: " + reading.name());
        lines.add("variables: " + Arrays.toString(variables));
        lines.add("threshold: " + threshold);
        lines.add("selection seed: " + seed);
        return lines;
    }

    /** Reads the header's lines (without "# "); null for a file without this format's header (an older file). */
    static SupportSetOrigin parse(List<String> header, String file) {
        if (header.isEmpty() || !header.get(0).strip().equals(FORMAT)) {
            return null;
        }
        Map<String, String> values = new TreeMap<>();
        for (String line : header.subList(1, header.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        try {
            String vars = require(values, "variables", file).replaceAll("[\\[\\]\\s]", "");
            return new SupportSetOrigin(
                    require(values, "data", file),
                    Integer.parseInt(require(values, "images", file)),
                    require(values, "model", file),
                    require(values, "checkpoint sha256", file),
                    SectorReading.valueOf(require(values, "sector reading", file)),
                    vars.isEmpty()
                            ? new int[0]
                            : Arrays.stream(vars.split(","))
                                    .mapToInt(Integer::parseInt)
                                    .toArray(),
                    Double.parseDouble(require(values, "threshold", file)),
                    Long.parseLong(require(values, "selection seed", file)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": its header says " + FORMAT + " but " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> values, String key, String file) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("has no '" + key + ":' line");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SupportSetOrigin o
                && dataset.equals(o.dataset)
                && images == o.images
                && model.equals(o.model)
                && checkpoint.equals(o.checkpoint)
                && reading == o.reading
                && Arrays.equals(variables, o.variables)
                && Double.compare(threshold, o.threshold) == 0
                && seed == o.seed;
    }

    @Override
    public int hashCode() {
        return dataset.hashCode() * 31 + checkpoint.hashCode();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s (%,d images), %s (checkpoint %s), %s, variables %s, th %s, seed %d",
                dataset,
                images,
                model,
                shortHash(checkpoint),
                reading.description(),
                Arrays.toString(variables),
                threshold,
                seed);
    }
}
