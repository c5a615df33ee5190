package org.latentmap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's answers to is-complete, inspect and history requests, without a kernel around them. */
class ShellProtocolPartsTest {
    private static JShell shell;
    private static SourceCodeAnalysis analysis;

    @BeforeAll
    static void start() {
        shell = JShell.create();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static CodeCompleteness.Status status(String code) {
        return CodeCompleteness.of(code, analysis).status();
    }

    @Test
    void aCellIsCompleteOnlyWhenEverySnippetIs() {
        assertEquals(CodeCompleteness.Status.COMPLETE, status("int x = 1;\nx + 1"));
        assertEquals(CodeCompleteness.Status.COMPLETE, status("%classpath lib/*.jar\nint y = 2;"));
        assertEquals(CodeCompleteness.Status.INCOMPLETE, status("int x = 1;\nfor (int i = 0; i < 3; i++) {"));
        assertEquals(CodeCompleteness.Status.INVALID, status("int z = 1; }"), "a stray brace after a complete snippet");
        assertEquals(CodeCompleteness.Status.INVALID, status("String s = \"never closed"));
        assertEquals(CodeCompleteness.Status.INVALID, status("%%time\nint x = 1;"), "cell magics do not run here");
    }

    @Test
    void theNextLineIsIndentedOneLevelAfterAnOpenBlock() {
        assertEquals(
                "        ",
                CodeCompleteness.of("for (int i = 0; i < 3; i++) {\n    if (i > 0) {", analysis)
                        .indent());
        assertEquals(
                "    ", CodeCompleteness.of("int y = (1 +\n    2 +", analysis).indent());
    }

    @Test
    void inspectionGivesTheSignatureOfTheSymbolUnderTheCursor() {
        assertEquals(
                "java.lang.String",
                SymbolDocumentation.at("String", 6, false, analysis)
                        .lines()
                        .findFirst()
                        .orElseThrow());
        assertEquals(
                "java.lang.String",
                SymbolDocumentation.at("String", 2, false, analysis)
                        .lines()
                        .findFirst()
                        .orElseThrow(),
                "the cursor inside the name");
        String max = SymbolDocumentation.at("Math.max", 8, false, analysis);
        assertTrue(max.contains("int Math.max(int a, int b)"), "a method named without its parenthesis: " + max);
        assertNull(SymbolDocumentation.at("   ", 1, false, analysis));
    }

    @Test
    void historyAnswersTailRangeAndGlobSearch() {
        CellHistory history = new CellHistory();
        history.record(1, "int a = 6;", "");
        history.record(2, "6 * 7", "42");
        history.record(3, "6 * 7", "42");
        history.record(4, "String s = \"x\";", "");
        Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);
        assertEquals(List.of("6 * 7", "String s = \"x\";"), inputs(history.lookupTail(2, none)));
        assertEquals(
                List.of(2, 3),
                history.lookupRange(CellHistory.SESSION, 2, 4, none).stream()
                        .map(HistoryEntry::getCellNumber)
                        .toList());
        assertEquals(List.of(), history.lookupRange(-1, 1, 5, none), "no earlier session");
        assertEquals(2, history.search("6 * 7", 0, none).size());
        assertEquals(
                1, history.search("6 * 7", 0, EnumSet.of(ResultFlag.UNIQUE)).size());
        assertEquals(List.of("int a = 6;"), inputs(history.search("int ? = *", 0, none)));
        assertEquals(
                "42",
                history.lookupTail(3, EnumSet.of(ResultFlag.INCLUDE_OUTPUT))
                        .get(0)
                        .getOutput());
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }
}
