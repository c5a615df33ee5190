package org.latentmap.show;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table shown as an HTML table (with its name as caption), and as plain text elsewhere. */
public final class TableView extends Rich {
    private final Table table;

    public TableView(Table table) {
        this.table = table;
    }

    public Table table() {
        return table;
    }

    @Override
    protected Map<String, String> createBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(HTML, html());
        bundle.put(TEXT, table.printAll());
        return bundle;
    }

    /** The table as an HTML {@code <table>} element. */
    public String html() {
        StringBuilder html = new StringBuilder("<table class=\"latentmap-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td>").append(escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }
}
