package org.clusterlens.themes.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.clusterlens.forms.control.Group;
import org.clusterlens.forms.control.Item;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.QuestionType;
import org.clusterlens.forms.control.Repeat;
import org.clusterlens.forms.control.Section;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.responses.control.AnswerDisclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The free-text answers of a submitted response, in questionnaire order: {@code text} and
 * {@code long_text} answers, the text that specifies an "other" choice ({@code <question>_other}),
 * and the same inside the entries of repeats at any depth. Blank answers are left out.
 */
public final class FreeTextAnswers {
    private static final String OTHER_SUFFIX = "_other";

    private final TemplateModel template;

    public FreeTextAnswers(TemplateModel template) {
        this.template = template;
    }

    public List<FreeText> of(JsonObject answers) {
        List<FreeText> found = new ArrayList<>();
        for (Section section : template.sections()) {
            items(section.items(), answers, "", "", found);
        }
        return List.copyOf(found);
    }

    private void items(List<Item> items, JsonObject answers, String pointer, String repeatPath, List<FreeText> found) {
        for (Item item : items) {
            switch (item) {
                case Group group -> items(group.items(), answers, pointer, repeatPath, found);
                case Repeat repeat -> entries(repeat, answers.get(repeat.name()), pointer, repeatPath, found);
                case Question question -> question(question, answers, pointer, repeatPath, found);
            }
        }
    }

    private void entries(Repeat repeat, JsonValue value, String pointer, String repeatPath, List<FreeText> found) {
        if (!(value instanceof JsonArray entries)) {
            return;
        }
        String inner = repeatPath.isEmpty() ? repeat.name() : repeatPath + "/" + repeat.name();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof JsonObject entry) {
                items(repeat.items(), entry, pointer + "/" + repeat.name() + "/" + i, inner, found);
            }
        }
    }

    private static void question(Question question, JsonObject answers, String pointer, String repeatPath,
                                 List<FreeText> found) {
        boolean personal = question.tags().contains(AnswerDisclosure.PII_TAG);
        if (question.type() == QuestionType.TEXT || question.type() == QuestionType.LONG_TEXT) {
            text(answers, question.name()).ifPresent(text -> found.add(new FreeText(question.name(),
                    pointer + "/" + question.name(), repeatPath, question.type().jsonName(), text, personal)));
        }
        if (question.other()) {
            String key = question.name() + OTHER_SUFFIX;
            text(answers, key).ifPresent(text -> found.add(new FreeText(question.name(), pointer + "/" + key,
                    repeatPath, FreeText.OTHER, text, personal)));
        }
    }

    private static Optional<String> text(JsonObject answers, String key) {
        return answers.get(key) instanceof JsonString s && !s.getString().isBlank()
                ? Optional.of(s.getString()) : Optional.empty();
    }
}
