package org.clusterlens.exports.control;

import java.util.List;
import java.util.Optional;

/**
 * One table of an export: the responses themselves, or the entries of one repeat (nested repeats
 * too) or the picks of one linkage question, each row keyed by the response and its position at
 * every level.
 *
 * @param item     the repeat or linkage question whose entries are the rows; empty for the main table
 * @param parent   the table one level up; empty for the main table
 * @param children the tables one level down, read from the entries of this one
 */
public record ExportTable(String name, Optional<String> item, Optional<String> parent, List<ExportColumn> columns,
                          List<ExportTable> children) {

    public ExportTable {
        columns = List.copyOf(columns);
        children = List.copyOf(children);
    }

    public List<String> header() {
        return columns.stream().map(ExportColumn::name).toList();
    }

    /** This table and every table below it, parents first. */
    public List<ExportTable> withDescendants() {
        List<ExportTable> all = new java.util.ArrayList<>(List.of(this));
        children.forEach(child -> all.addAll(child.withDescendants()));
        return all;
    }
}
