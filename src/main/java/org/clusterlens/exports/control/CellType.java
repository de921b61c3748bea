package org.clusterlens.exports.control;

/** What a column holds: it decides how a spreadsheet types the cell and how SPSS and Stata read it. */
public enum CellType {
    TEXT, NUMBER, DATE, TIMESTAMP
}
