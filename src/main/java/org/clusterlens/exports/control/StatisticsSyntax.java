package org.clusterlens.exports.control;

import org.clusterlens.forms.control.Choice;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SPSS ({@code .sps}) and Stata ({@code .do}) programs that read one CSV of the export and label
 * it: each column's wording as its variable label and each choice's wording as a value label.
 * Both read the columns by position and give them names the program accepts (SPSS: a letter
 * first, 64 bytes; Stata: 32 characters), so no column depends on how either treats the header.
 * Stata labels only whole numbers, so its program turns each choice column into codes 1, 2, …
 * labelled with the choices' wording; SPSS labels the stored values themselves.
 */
final class StatisticsSyntax {

    private StatisticsSyntax() {
    }

    static String spss(ExportTable table, String csvFile, String language) {
        List<String> names = names(table.columns(), 64, false);
        StringBuilder out = new StringBuilder("* Reads and labels ").append(csvFile).append(", written by ClusterLens.\n")
                .append("* Run it from the folder that holds the CSV, or give its full path in /FILE.\n\n")
                .append("GET DATA /TYPE=TXT /FILE='").append(csvFile).append("' /ENCODING='UTF8'\n")
                .append("  /ARRANGEMENT=DELIMITED /DELIMITERS=\",\" /QUALIFIER='\"' /FIRSTCASE=2\n")
                .append("  /VARIABLES=\n");
        for (int i = 0; i < names.size(); i++) {
            out.append("    ").append(names.get(i)).append(' ').append(spssFormat(table.columns().get(i))).append('\n');
        }
        out.append(".\n\nVARIABLE LABELS\n");
        for (int i = 0; i < names.size(); i++) {
            out.append("  ").append(names.get(i)).append(' ')
                    .append(spssString(label(table.columns().get(i), language), 255))
                    .append(i == names.size() - 1 ? ".\n" : "\n");
        }
        boolean any = false;
        for (int i = 0; i < names.size(); i++) {
            ExportColumn column = table.columns().get(i);
            if (column.choices().isEmpty()) {
                continue;
            }
            out.append(any ? "  /" : "\nVALUE LABELS\n  ").append(names.get(i));
            for (Choice choice : column.choices()) {
                out.append("\n    ").append(spssString(choice.value(), 120)).append(' ')
                        .append(spssString(choiceLabel(choice, language), 120));
            }
            out.append('\n');
            any = true;
        }
        if (any) {
            out.append(".\n");
        }
        return out.append("EXECUTE.\n").toString();
    }

    static String stata(ExportTable table, String csvFile, String language) {
        List<String> names = names(table.columns(), 32, true);
        StringBuilder out = new StringBuilder("* Reads and labels ").append(csvFile).append(", written by ClusterLens.\n")
                .append("* Run it from the folder that holds the CSV.\n\n")
                .append("import delimited using \"").append(csvFile).append("\", clear varnames(nonames) rowrange(2) ")
                .append("delimiters(\",\") bindquote(strict) encoding(\"utf-8\")");
        String text = textColumns(table.columns());
        out.append(text.isEmpty() ? "" : " stringcols(" + text + ")").append("\n\n");
        for (int i = 0; i < names.size(); i++) {
            out.append("rename v").append(i + 1).append(' ').append(names.get(i)).append('\n');
        }
        out.append('\n');
        for (int i = 0; i < names.size(); i++) {
            out.append("label variable ").append(names.get(i)).append(' ')
                    .append(stataString(label(table.columns().get(i), language), 80)).append('\n');
        }
        for (int i = 0; i < names.size(); i++) {
            ExportColumn column = table.columns().get(i);
            if (column.choices().isEmpty()) {
                continue;
            }
            String name = names.get(i);
            String code = "_code" + (i + 1);
            out.append("\n* ").append(name).append(": choice values become codes with the choices' wording\n");
            out.append("generate long ").append(code).append(" = .\n");
            for (int c = 0; c < column.choices().size(); c++) {
                out.append("replace ").append(code).append(" = ").append(c + 1).append(" if ").append(name)
                        .append(" == ").append(stataString(column.choices().get(c).value(), 244)).append('\n');
            }
            out.append("label define ").append(name).append(" ,replace\n");
            for (int c = 0; c < column.choices().size(); c++) {
                Choice choice = column.choices().get(c);
                out.append("label define ").append(name).append(' ').append(c + 1).append(' ')
                        .append(stataString(choiceLabel(choice, language), 32000)).append(", modify\n");
            }
            out.append("order ").append(code).append(", after(").append(name).append(")\n")
                    .append("drop ").append(name).append('\n')
                    .append("rename ").append(code).append(' ').append(name).append('\n')
                    .append("label values ").append(name).append(' ').append(name).append('\n')
                    .append("label variable ").append(name).append(' ')
                    .append(stataString(label(column, language), 80)).append('\n');
        }
        return out.toString();
    }

    private static String spssFormat(ExportColumn column) {
        return switch (column.type()) {
            case NUMBER -> "F17.6";
            case DATE -> "A10";
            case TIMESTAMP -> "A30";
            case TEXT -> column.choices().isEmpty() ? "A32767" : "A" + Math.max(1, column.choices().stream()
                    .mapToInt(c -> c.value().length()).max().orElse(1));
        };
    }

    private static String textColumns(List<ExportColumn> columns) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).type() != CellType.NUMBER) {
                list.append(list.isEmpty() ? "" : " ").append(i + 1);
            }
        }
        return list.toString();
    }

    /** Names each program accepts: letters, digits and _, a letter first, unique ignoring case. */
    static List<String> names(List<ExportColumn> columns, int maxLength, boolean stata) {
        Set<String> used = new HashSet<>();
        List<String> names = new java.util.ArrayList<>();
        for (ExportColumn column : columns) {
            String base = column.name().replaceAll("[^A-Za-z0-9_]", "_");
            if (!Character.isLetter(base.charAt(0))) {
                base = "v" + base;
            }
            if (stata && base.startsWith("_code")) {
                base = "v" + base;
            }
            base = base.length() > maxLength ? base.substring(0, maxLength) : base;
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = base.substring(0, Math.min(base.length(), maxLength - suffix.length())) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    private static String label(ExportColumn column, String language) {
        String fallback = column.label().translations().keySet().stream().findFirst().orElse("en");
        return column.label().in(language, fallback);
    }

    private static String choiceLabel(Choice choice, String language) {
        String fallback = choice.label().translations().keySet().stream().findFirst().orElse("en");
        return choice.label().in(language, fallback);
    }

    private static String spssString(String text, int maxBytes) {
        String flat = cut(flatten(text), maxBytes);
        return "'" + flat.replace("'", "''") + "'";
    }

    /** Stata's compound quotes hold any text but their own closing pair. */
    private static String stataString(String text, int maxBytes) {
        String flat = cut(flatten(text).replace("\"'", "\" '"), maxBytes);
        return "`\"" + flat + "\"'";
    }

    private static String flatten(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** At most {@code maxBytes} of UTF-8, never cutting a character in two. */
    private static String cut(String text, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return text;
    }
}
