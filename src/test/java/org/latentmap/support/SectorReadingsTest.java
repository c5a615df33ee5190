package org.latentmap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentmap.linalg.CodeMatrix;
import org.latentmap.testing.HandModels;

class SectorReadingsTest {
    // two variables, th 1: all four codes are beyond th from the origin, only the middle two on both coordinates
    private static final CodeMatrix CODES = CodeMatrix.ofRows(new float[][] {{3, 0.1f}, {-2, -2}, {2, 2}, {0.2f, -3}});

    @Test
    void theTableSetsTheReadingsSideBySide() {
        int[] variables = {0, 1};
        Sectors text = Sectors.of(CODES, variables, 1, SectorReading.DISTANCE_FROM_ORIGIN);
        Sectors figure = Sectors.of(CODES, variables, 1, SectorReading.EVERY_COORDINATE);
        SupportSet fromText = SupportSet.select(text, 4, 1);
        SupportSet fromFigure = SupportSet.select(figure, 4, 1);
        var table = SectorReadings.compare(
                HandModels.images(4, 1), CODES, List.of(text, figure), List.of(fromText, fromFigure));
        assertEquals(
                List.of("distance from the origin > th", "every coordinate beyond th"),
                table.stringColumn("reading").asList());
        // text: sectors (+,+) holds codes 0 and 2, (-,-) code 1, (+,-) code 3; figure: (-,-) and (+,+) one each
        assertEquals(List.of(3, 2), table.intColumn("inhabited sectors").asList());
        assertEquals(
                List.of(100.0, 50.0), table.doubleColumn("codes in sectors %").asList());
        assertEquals(List.of(3, 2), table.intColumn("support from sectors").asList());
        assertEquals(List.of(1, 0), table.intColumn("support from fill rule").asList());
        // smallest |z| per code: 0.1, 2, 2, 0.2; the text's set holds all four (median 1.1), the figure's 2 and 2
        assertEquals(1.1, table.doubleColumn("support median smallest |z|").get(0), 1e-6);
        assertEquals(2.0, table.doubleColumn("support median smallest |z|").get(1), 1e-6);
    }
}
