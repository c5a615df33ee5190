package org.latentmap.zoo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainings a zoo folder has seen (issue 29): one line per finished training, {@code model, description hash,
 * checkpoint SHA-256, time, signature} (the signature last: it holds commas), in {@value #FILE} beside the checkpoints. A model trained again (its
 * checkpoint deleted, or trained in a fresh zoo that shares this folder) is compared with its earlier trainings of
 * the same description on the same machine type: other bytes are reported, never silently taken. A loaded checkpoint
 * whose bytes are none of those trained here is reported as replaced. Appending one line is the only write, so two
 * processes cannot tear it beyond one line, which is then skipped.
 */
final class TrainingLedger {
    static final String FILE = "trainings.csv";

    private final Path file;

    private TrainingLedger(Path folder) {
        this.file = folder.resolve(FILE);
    }

    static TrainingLedger in(Path folder) {
        return new TrainingLedger(folder);
    }

    /**
     * Notes a model handed out: appends it when it was trained now, and returns what is worth saying (empty when
     * nothing is): other bytes than an earlier training, or a loaded checkpoint this folder never trained.
     */
    String note(String model, String description, String sha256, String signature, boolean trainedNow) {
        String descriptionHash = Integer.toHexString(description.hashCode());
        List<String> earlier = new ArrayList<>();
        for (String[] line : lines()) {
            if (line[0].equals(model) && line[1].equals(descriptionHash) && line[4].equals(signature)) {
                earlier.add(line[2]);
            }
        }
        if (trainedNow) {
            append(String.join(
                    ",", model, descriptionHash, sha256, Instant.now().toString(), signature));
            List<String> other =
                    earlier.stream().filter(h -> !h.equals(sha256)).distinct().toList();
            if (!other.isEmpty()) {
                return "trained again, it gave OTHER BYTES than " + other.size() + " earlier training(s) here ("
                        + ReproducibilityRecord.shortHash(other.get(0)) + " then "
                        + ReproducibilityRecord.shortHash(sha256) + "): this training did not reproduce";
            }
            return earlier.isEmpty() ? "" : "trained again, the same bytes as before";
        }
        if (!earlier.isEmpty() && !earlier.contains(sha256)) {
            return "its checkpoint (" + ReproducibilityRecord.shortHash(sha256)
                    + ") is not the one trained here: it was replaced";
        }
        return "";
    }

    private List<String[]> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String[]> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(",", 5);
                if (parts.length == 5) {
                    lines.add(parts);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the zoo's ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    line.replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the zoo's ledger " + file + ": " + e.getMessage(), e);
        }
    }
}
