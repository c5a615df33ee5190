package org.latentmap.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for Jupyter's {@code history_request}: the last n cells ("tail"), a range of
 * execution counts ("range") and a glob search over the inputs ("search", with {@code *} and {@code ?} as in
 * IPython). Kept in memory for the kernel's life: one session, numbered {@link #SESSION}; session 0 also means
 * the current one, as in IPython, and earlier sessions have no cells.
 */
final class CellHistory implements HistoryManager {

    /** The number this kernel's only session answers to. */
    static final int SESSION = 1;

    private record Cell(int count, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    /** Remembers a cell: its execution count, its source and the text of its result ("" when it had none). */
    synchronized void record(int count, String input, String output) {
        cells.add(new Cell(count, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = length <= 0 ? 0 : Math.max(0, cells.size() - length);
        return entries(cells.subList(from, cells.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        List<Cell> picked = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.count >= start && (stop <= start || cell.count < stop)) {
                picked.add(cell);
            }
        }
        return entries(picked, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = glob(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Cell> matches = new ArrayList<>();
        for (Cell cell : cells) {
            if (glob.matcher(cell.input).matches()) {
                matches.add(cell);
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell cell : matches) {
                latest.remove(cell.input);
                latest.put(cell.input, cell);
            }
            matches = new ArrayList<>(latest.values());
        }
        int from = length <= 0 ? 0 : Math.max(0, matches.size() - length);
        return entries(matches.subList(from, matches.size()), flags);
    }

    /** A glob ({@code *} any run of characters, {@code ?} one character) as a whole-input regular expression. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        if (cells.isEmpty()) {
            return Collections.emptyList();
        }
        boolean output = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            entries.add(
                    output
                            ? new HistoryEntry(SESSION, cell.count, cell.input, cell.output)
                            : new HistoryEntry(SESSION, cell.count, cell.input));
        }
        return entries;
    }
}
