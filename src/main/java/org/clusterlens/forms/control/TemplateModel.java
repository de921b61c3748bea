package org.clusterlens.forms.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable, parsed view of a valid template. Build it with {@link #from(JsonObject)}, which
 * validates first.
 */
public final class TemplateModel {

    private final String id;
    private final LocalizedText title;
    private final Optional<LocalizedText> description;
    private final List<String> languages;
    private final String defaultLanguage;
    private final Map<String, ChoiceList> choiceLists;
    private final List<Section> sections;
    private final List<Question> questions = new ArrayList<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Section> sectionsByName = new LinkedHashMap<>();
    private final Map<String, List<String>> ancestry = new LinkedHashMap<>();

    private TemplateModel(JsonObject template) {
        id = template.getString("id");
        title = text(template.getJsonObject("title"));
        description = optionalText(template, "description");
        languages = strings(template.getJsonArray("languages"));
        defaultLanguage = template.getString("defaultLanguage");
        Map<String, ChoiceList> lists = new LinkedHashMap<>();
        JsonObject listsJson = template.getJsonObject("choiceLists");
        if (listsJson != null) {
            listsJson.forEach((name, choices) -> lists.put(name, new ChoiceList(name,
                    choices.asJsonArray().getValuesAs(JsonObject.class).stream()
                            .map(choice -> new Choice(choice.getString("value"), text(choice.getJsonObject("label"))))
                            .toList())));
        }
        choiceLists = Collections.unmodifiableMap(lists);
        List<Section> built = new ArrayList<>();
        for (JsonObject section : template.getJsonArray("sections").getValuesAs(JsonObject.class)) {
            String name = section.getString("name");
            Section parsed = new Section(name, text(section.getJsonObject("title")),
                    optionalText(section, "description"), optionalString(section, "relevant"),
                    items(section.getJsonArray("items"), List.of(name), Optional.empty()));
            built.add(parsed);
            sectionsByName.put(name, parsed);
        }
        sections = List.copyOf(built);
    }

    /**
     * @throws InvalidTemplateException listing every problem, if the template is not valid
     */
    public static TemplateModel from(JsonObject template) {
        List<TemplateProblem> problems = new TemplateValidator().validate(template);
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        return new TemplateModel(template);
    }

    private List<Item> items(JsonArray array, List<String> ancestors, Optional<String> repeat) {
        List<Item> result = new ArrayList<>();
        for (JsonObject item : array.getValuesAs(JsonObject.class)) {
            String name = item.getString("name");
            List<String> inner = append(ancestors, name);
            Item parsed = switch (item.getString("type")) {
                case "group" -> new Group(name, optionalText(item, "label"), optionalString(item, "relevant"),
                        items(item.getJsonArray("items"), inner, repeat));
                case "repeat" -> new Repeat(name, text(item.getJsonObject("label")), optionalString(item, "relevant"),
                        items(item.getJsonArray("items"), inner, Optional.of(name)), optionalInt(item, "count"),
                        optionalString(item, "countFrom"), optionalInt(item, "maxCount"));
                default -> {
                    Question question = new Question(name, QuestionType.fromJson(item.getString("type")).orElseThrow(),
                            item, repeat, ancestors);
                    questions.add(question);
                    yield question;
                }
            };
            items.put(name, parsed);
            ancestry.put(name, ancestors);
            result.add(parsed);
        }
        return result;
    }

    public String id() {
        return id;
    }

    public LocalizedText title() {
        return title;
    }

    public Optional<LocalizedText> description() {
        return description;
    }

    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public Map<String, ChoiceList> choiceLists() {
        return choiceLists;
    }

    public Optional<ChoiceList> choiceList(String name) {
        return Optional.ofNullable(choiceLists.get(name));
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every question, in the order the respondent meets them. */
    public List<Question> questions() {
        return Collections.unmodifiableList(questions);
    }

    public Optional<Question> question(String name) {
        return items.get(name) instanceof Question question ? Optional.of(question) : Optional.empty();
    }

    /** A question, group or repeat by name. */
    public Optional<Item> item(String name) {
        return Optional.ofNullable(items.get(name));
    }

    /**
     * The {@code relevant} expressions that decide whether an item is shown: its section's, its
     * enclosing groups' and repeats', then its own, outermost first. All must hold.
     */
    public List<String> relevanceChain(String itemName) {
        Item item = items.get(itemName);
        if (item == null) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        ancestry.get(itemName).forEach(ancestor -> {
            Optional<String> relevant = sectionsByName.containsKey(ancestor)
                    ? sectionsByName.get(ancestor).relevant()
                    : items.get(ancestor).relevant();
            relevant.ifPresent(chain::add);
        });
        item.relevant().ifPresent(chain::add);
        return List.copyOf(chain);
    }

    static LocalizedText text(JsonObject text) {
        Map<String, String> translations = new LinkedHashMap<>();
        text.forEach((language, value) -> translations.put(language, ((JsonString) value).getString()));
        return new LocalizedText(translations);
    }

    private static Optional<LocalizedText> optionalText(JsonObject owner, String key) {
        return owner.get(key) instanceof JsonObject text ? Optional.of(text(text)) : Optional.empty();
    }

    private static Optional<String> optionalString(JsonObject owner, String key) {
        return owner.get(key) instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
    }

    private static OptionalInt optionalInt(JsonObject owner, String key) {
        return owner.get(key) instanceof JsonNumber number ? OptionalInt.of(number.intValue()) : OptionalInt.empty();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> append(List<String> list, String element) {
        List<String> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }

    @Override
    public String toString() {
        return "TemplateModel[" + id + ", " + questions.size() + " questions]";
    }
}
