package org.latentmap.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.latentmap.data.ImageSet;

/**
 * The support set of paper Sect. 5: one seeded random data point from each non-empty sector, a small set
 * spread over the latent space on which a map between two latent spaces is fitted. When fewer sectors are
 * occupied than the size asked for, the rest is filled by a documented rule: further random inhabitants of
 * the non-empty sectors, taking one from each in turn, most populated sector first, until the size is reached
 * or the data run out. Saved as a plain list of data-set indices.
 */
public final class SupportSet {
    private final int[] indices;
    private final SupportSetOrigin origin;

    private SupportSet(int[] indices) {
        this(indices, null);
    }

    private SupportSet(int[] indices, SupportSetOrigin origin) {
        this.indices = indices;
        this.origin = origin;
    }

    /** This set with where it came from (written by {@link #save} into the file's header). */
    public SupportSet withOrigin(SupportSetOrigin newOrigin) {
        return new SupportSet(indices, newOrigin);
    }

    /** Where the set came from, or null when nobody said (a set made here, or a file of the older format). */
    public SupportSetOrigin origin() {
        return origin;
    }

    /** Selects a support set of {@code size} points from the sectors, with {@code seed}. */
    public static SupportSet select(Sectors sectors, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a support set needs a size >= 1, got " + size);
        }
        if (sectors.count() > size) {
            int n = Integer.numberOfTrailingZeros(sectors.count());
            int most = 31 - Integer.numberOfLeadingZeros(size);
            throw new IllegalArgumentException(
                    n + " variables make " + sectors.count() + " sectors, more than a support set of " + size
                            + " can sample: use at most " + most + " variables (log2 of the size)");
        }
        // java.util.Random's first draws barely differ between nearby seeds: scramble the seed first
        Random random = new Random(new SplittableRandom(seed).nextLong());
        List<List<Integer>> pools = new ArrayList<>();
        for (int s = 0; s < sectors.count(); s++) {
            List<Integer> pool = new ArrayList<>(
                    Arrays.stream(sectors.inhabitants(s)).boxed().toList());
            Collections.shuffle(pool, random);
            pools.add(pool);
        }
        if (pools.stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no data point lies in any sector (threshold " + sectors.threshold()
                    + "): lower the threshold or give more data");
        }
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> pool : pools) {
            if (!pool.isEmpty() && chosen.size() < size) {
                chosen.add(pool.remove(0));
            }
        }
        List<Integer> order = IntStream.range(0, pools.size())
                .boxed()
                .sorted(Comparator.comparingInt((Integer s) -> -sectors.occupancy()[s])
                        .thenComparingInt(s -> s))
                .toList();
        boolean added = true;
        while (chosen.size() < size && added) {
            added = false;
            for (int s : order) {
                if (chosen.size() < size && !pools.get(s).isEmpty()) {
                    chosen.add(pools.get(s).remove(0));
                    added = true;
                }
            }
        }
        return new SupportSet(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A support set of known indices. */
    public static SupportSet of(int... indices) {
        return new SupportSet(indices.clone());
    }

    /** The data-set indices of the support set, in selection order. */
    public int[] indices() {
        return indices.clone();
    }

    /** The support set's images in {@code data}, the data set its indices refer to. */
    public ImageSet images(ImageSet data) {
        int largest = Arrays.stream(indices).max().orElse(-1);
        if (largest >= data.size() || Arrays.stream(indices).anyMatch(i -> i < 0)) {
            throw new IllegalArgumentException("the support set refers to image " + largest + " but the data set has "
                    + data.size() + " images: it was made for another data set (or profile); select one for this data");
        }
        return data.select(indices);
    }

    /** How many indices this set shares with {@code other}. */
    public int inCommon(SupportSet other) {
        var mine = Arrays.stream(indices).boxed().collect(Collectors.toSet());
        return (int)
                Arrays.stream(other.indices).distinct().filter(mine::contains).count();
    }

    public int size() {
        return indices.length;
    }

    /**
     * Writes the indices one per line after comment lines ({@code #}): the set's {@link #origin()} when it has
     * one, then {@code description}.
     */
    public void save(Path file, String description) throws IOException {
        StringBuilder text = new StringBuilder();
        if (origin != null) {
            for (String line : origin.lines()) {
                text.append("# ").append(line).append('\n');
            }
        }
        for (String line : description.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        for (int i : indices) {
            text.append(i).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Reads a file written by {@link #save}. */
    public static SupportSet load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no support-set file at " + file.toAbsolutePath()
                            + ": give the path of a file written by SupportSet.save (data/support-sets/ holds the shipped ones)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = lines.stream()
                .map(String::strip)
                .filter(l -> l.startsWith("#"))
                .map(l -> l.substring(1).strip())
                .toList();
        int[] indices = lines.stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .mapToInt(line -> {
                    try {
                        return Integer.parseInt(line);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ": '" + line + "' is not a data-set index");
                    }
                })
                .toArray();
        if (indices.length == 0) {
            throw new IllegalArgumentException(file + " holds no index: a support-set file lists data-set indices,"
                    + " one per line (select one with SupportSetRecipe and save it)");
        }
        int negative = Arrays.stream(indices).filter(i -> i < 0).findFirst().orElse(0);
        if (negative < 0) {
            throw new IllegalArgumentException(
                    file + " holds the index " + negative + ": data-set indices start at 0; the file is damaged");
        }
        long distinct = Arrays.stream(indices).distinct().count();
        if (distinct < indices.length) {
            throw new IllegalArgumentException(file + " repeats " + (indices.length - distinct)
                    + " of its indices: a support set holds each image once; the file is damaged");
        }
        return new SupportSet(indices, SupportSetOrigin.parse(header, file.toString()));
    }
}
