package org.clusterlens.exports.control;

import org.clusterlens.forms.control.Choice;
import org.clusterlens.forms.control.LocalizedText;

import java.util.List;
import java.util.Optional;

/**
 * One column of an exported table.
 *
 * @param question     the question it comes from, if any
 * @param questionType the question's type as templates name it, or what a fixed column is
 * @param label        what the column means, in each language the templates have
 * @param choices      the values the column can hold and their labels, for value labels
 * @param relevance    when the question is asked, as the template says it
 * @param versions     the template versions that have the question, as {@code template vN}
 */
public record ExportColumn(String name, CellType type, Optional<String> question, String questionType,
                           LocalizedText label, List<Choice> choices, String relevance, List<String> versions,
                           ValueReader reader) {

    public ExportColumn {
        choices = List.copyOf(choices);
        versions = List.copyOf(versions);
    }

    /** Reads a column's value from one entry of a response; null when there is none. */
    @FunctionalInterface
    public interface ValueReader {
        Object read(EntryContext entry);
    }
}
