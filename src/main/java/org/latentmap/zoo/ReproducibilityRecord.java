package org.latentmap.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.latentmap.Profile;

/**
 * The checkpoints a clean run trained, shipped with the project (issue 29): for each model of the walkthrough
 * (data set, profile, family, seed) the SHA-256 of its checkpoint and the {@link org.latentmap.engine.Numerics}
 * signature of the machine that trained it, with a hash of the training's description (architecture fingerprint, plan,
 * data), so that another training of the same key (an adjusted plan, a changed network) is not compared with it. A model trained or loaded now is compared with it: the same signature
 * and the same bytes is a model reproduced bit for bit; the same signature and other bytes is a training that did
 * not reproduce, and is said; another signature cannot be compared (other processors take other paths through the
 * math libraries), and is said too. The file is {@value #RESOURCE}, one model a line: {@code data,profile,family,
 * seed,training,sha256,signature}.
 */
public final class ReproducibilityRecord {
    /** The shipped record, a resource of the jar. */
    public static final String RESOURCE = "/org/latentmap/zoo/reproducibility-record.csv";

    /** One recorded model: which (data set, profile, family key, seed), which training, its bytes, the machine. */
    public record Entry(
            String dataset,
            Profile profile,
            String family,
            long seed,
            String training,
            String sha256,
            String signature) {

        /**
         * The entry a training makes: its model, its description (a checkpoint's header, kept as {@link #training}),
         * its checkpoint's SHA-256 and the signature of the machine that trained it.
         */
        public static Entry of(
                String dataset,
                Profile profile,
                ModelFamily family,
                long seed,
                String description,
                String sha256,
                String signature) {
            return new Entry(
                    dataset,
                    profile,
                    family.key(),
                    seed,
                    ReproducibilityRecord.training(description),
                    sha256,
                    signature);
        }

        /** This entry as a line of the record. */
        public String line() {
            return String.join(
                    ",", dataset, profile.toString(), family, Long.toString(seed), training, sha256, signature);
        }

        private boolean sameModel(Entry other) {
            return dataset.equals(other.dataset)
                    && profile == other.profile
                    && family.equals(other.family)
                    && seed == other.seed;
        }
    }

    /** What comparing a model with the record found. */
    public enum Outcome {
        REPRODUCED("reproduced bit for bit"),
        DIFFERS("differs from the record"),
        OTHER_MACHINE("not comparable: recorded on another machine"),
        NO_RECORD("no record");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** The comparison of one model: its outcome and one line saying it with the hashes. */
    public record Comparison(Outcome outcome, String line) {}

    private final List<Entry> entries;

    private ReproducibilityRecord(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The record shipped in the jar (empty when the jar has none). */
    public static ReproducibilityRecord shipped() {
        try (InputStream in = ReproducibilityRecord.class.getResourceAsStream(RESOURCE)) {
            return in == null
                    ? new ReproducibilityRecord(List.of())
                    : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped reproducibility record: " + e.getMessage(), e);
        }
    }

    /** A record from its text (a header line, then one line a model). */
    public static ReproducibilityRecord parse(String text) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",", 7);
                if (parts.length != 7) {
                    throw new IllegalArgumentException("reproducibility record, line " + number + ": expected "
                            + header() + ", got '" + line + "'");
                }
                entries.add(new Entry(
                        parts[0],
                        Profile.parse(parts[1]),
                        parts[2],
                        Long.parseLong(parts[3]),
                        parts[4],
                        parts[5],
                        parts[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReproducibilityRecord(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Compares a training ({@link Entry#of}) with the record's entry for the same model. */
    public Comparison compare(Entry trained) {
        Optional<Entry> entry = entries.stream().filter(trained::sameModel).findFirst();
        if (entry.isEmpty()) {
            return new Comparison(
                    Outcome.NO_RECORD,
                    String.format(
                            Locale.ROOT,
                            "no record for %s in the %s profile (the record holds the full profile on Fashion-MNIST)",
                            trained.dataset(),
                            trained.profile()));
        }
        Entry recorded = entry.get();
        if (!recorded.training().equals(trained.training())) {
            return new Comparison(
                    Outcome.NO_RECORD,
                    "no record for this training: the record holds another training of this model (another plan or"
                            + " network)");
        }
        if (!recorded.signature().equals(trained.signature())) {
            return new Comparison(
                    Outcome.OTHER_MACHINE,
                    "not comparable: recorded on " + recorded.signature() + "; this run is on " + trained.signature());
        }
        if (recorded.sha256().equals(trained.sha256())) {
            return new Comparison(
                    Outcome.REPRODUCED, "reproduced the record bit for bit (" + shortHash(trained.sha256()) + ")");
        }
        return new Comparison(
                Outcome.DIFFERS,
                "DIFFERS from the record: recorded " + shortHash(recorded.sha256()) + ", this checkpoint "
                        + shortHash(trained.sha256()) + ", on the same machine type");
    }

    /** The header line of the record. */
    public static String header() {
        return "data,profile,family,seed,training,sha256,signature";
    }

    /** A training's description (a checkpoint's header) as the record keeps it: its SHA-256's first 16 digits. */
    public static String training(String description) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    static String shortHash(String sha256) {
        return sha256 == null ? "none" : sha256.substring(0, Math.min(12, sha256.length())) + "...";
    }
}
