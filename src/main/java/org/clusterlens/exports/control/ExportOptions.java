package org.clusterlens.exports.control;

import org.clusterlens.platform.errors.ProblemException;

import java.util.Locale;

/**
 * What the analyst asked for: the file, choice values or their labels (and in which language),
 * and multiple choice as one 0/1 column per choice or as one joined column.
 *
 * @param language the labels' language; null for each template's default language
 */
public record ExportOptions(Format format, boolean labels, String language, boolean splitMultiple) {

    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ZIP("zip", "application/zip");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** The query parameters of an export request; a value that means nothing is a 400 naming it. */
    public static ExportOptions parse(String format, String choices, String language, String multiple) {
        Format f = switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "xlsx" -> Format.XLSX;
            case "zip" -> Format.ZIP;
            default -> throw ProblemException.notFound("Exports are export.csv, export.xlsx and export.zip.");
        };
        boolean labels = switch (choices == null ? "values" : choices) {
            case "values" -> false;
            case "labels" -> true;
            default -> throw ProblemException.invalidField("choices", "Use choices=values or choices=labels.");
        };
        boolean split = switch (multiple == null ? "columns" : multiple) {
            case "columns" -> true;
            case "joined" -> false;
            default -> throw ProblemException.invalidField("multiple", "Use multiple=columns or multiple=joined.");
        };
        String lang = language == null || language.isBlank() ? null : language.strip();
        return new ExportOptions(f, labels, lang, split);
    }
}
