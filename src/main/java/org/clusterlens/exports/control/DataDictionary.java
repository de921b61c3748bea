package org.clusterlens.exports.control;

import org.clusterlens.forms.control.Choice;

import java.util.ArrayList;
import java.util.List;

/**
 * What every column of every table means: the question, its wording and its choices in each
 * language, its type, when it is asked, and which template versions have it.
 */
final class DataDictionary {

    private DataDictionary() {
    }

    static List<String> header(List<String> languages) {
        List<String> header = new ArrayList<>(List.of("table", "column", "question", "type", "cell"));
        languages.forEach(language -> header.add("label_" + language));
        languages.forEach(language -> header.add("choices_" + language));
        header.addAll(List.of("relevance", "versions"));
        return header;
    }

    static List<Object[]> rows(ExportLayout layout) {
        List<String> languages = layout.languages().isEmpty() ? List.of("en") : layout.languages();
        List<Object[]> rows = new ArrayList<>();
        for (ExportTable table : layout.tables()) {
            for (ExportColumn column : table.columns()) {
                List<Object> row = new ArrayList<>(List.of(table.name(), column.name(), column.question().orElse(""),
                        column.questionType(), column.type().name().toLowerCase(java.util.Locale.ROOT)));
                String fallback = column.label().translations().keySet().stream().findFirst().orElse("en");
                languages.forEach(language -> row.add(column.label().in(language, fallback)));
                languages.forEach(language -> row.add(choices(column.choices(), language)));
                row.add(column.relevance());
                row.add(String.join(", ", column.versions()));
                rows.add(row.toArray());
            }
        }
        return rows;
    }

    private static String choices(List<Choice> choices, String language) {
        StringBuilder text = new StringBuilder();
        for (Choice choice : choices) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            String fallback = choice.label().translations().keySet().stream().findFirst().orElse(language);
            text.append(choice.value()).append(" = ").append(choice.label().in(language, fallback));
        }
        return text.toString();
    }
}
