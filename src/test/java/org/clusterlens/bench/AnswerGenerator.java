package org.clusterlens.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a field agent could plausibly have collected with any ClusterLens template, drawn from
 * the template's JSON with the caller's {@link Random}, so that a seed gives the same answers
 * every time.
 * <p>
 * Every question type gets an answer of its shape, within its bounds: text in French and English
 * with accents, apostrophes, commas, quotes, line breaks and the odd emoji; numbers; dates; single
 * and multiple choices with "Other" specified; rankings; Likert scales; matrices; geopoints near
 * Thiès; linkages to actors of the register; repeat entries. Optional questions are left out now
 * and then. Calculations and notes are left to the server, which recomputes the former.
 * <p>
 * Relevance is not evaluated: every question is answered, and the validator drops what is not
 * relevant, as it does for a client that sends too much. Three kinds of {@code constraint} are
 * understood, enough for the shipped templates: bounds on the answer itself
 * ({@code . >= 1900 and . <= 2030}), a sum with earlier questions ({@code . + ${a} + ${b} = 100},
 * or {@code >= 1}), and a choice that excludes the others
 * ({@code not(selected(., 'none') and count-selected(.) > 1)}). The caller checks each result with
 * the server's own validator.
 */
public final class AnswerGenerator {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern SUM = Pattern.compile("\\.\\s*((?:\\+\\s*\\$\\{\\w+}\\s*)+)(=|>=)\\s*(\\d+)");
    private static final Pattern NAME = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern BOUNDS = Pattern.compile(
            "\\.\\s*(>=|<=)\\s*(-?\\d+)(?:\\s+and\\s+\\.\\s*(>=|<=)\\s*(-?\\d+))?");
    private static final Pattern EXCLUSIVE = Pattern.compile(
            "not\\(selected\\(\\.\\s*,\\s*'([^']+)'\\)\\s+and\\s+count-selected\\(\\.\\)\\s*>\\s*1\\)");
    private static final LocalDate FIRST_INTERVIEW = LocalDate.of(2025, 1, 6);
    private static final LocalDate LAST_INTERVIEW = LocalDate.of(2026, 11, 27);

    private static final String[] FAMILY = {"Ndiaye", "Diop", "Fall", "Sène", "Guèye", "Mbaye", "Kâ", "Thiam", "Sarr",
            "Faye", "Cissé", "Bâ", "Sow", "Dièye", "Ndour", "Niang", "Touré", "Wade", "Lô", "Mbodj"};
    private static final String[] GIVEN = {"Awa", "Moussa", "Fatou", "Ibrahima", "Aïssatou", "Mamadou", "Khady",
            "Cheikh", "Ndèye", "Ousmane", "Marième", "Abdoulaye", "Coumba", "Babacar", "Rokhaya", "Élodie", "José"};
    private static final String[] TRADE = {"Boulangerie", "Atelier", "Menuiserie", "Coopérative", "GIE", "Ets",
            "Savonnerie", "Transformation", "Laiterie", "Couture", "Forge", "Huilerie", "Pâtisserie", "Imprimerie"};
    private static final String[] SUFFIX = {"", " & Fils", " SARL", " et Frères", " SUARL", " « Teranga »",
            " du Marché", " de Thiès", " (ex-Diallo)", ""};
    private static final String[] THINGS_FR = {"farine", "sucre", "beurre", "huile d'arachide", "bois de vène",
            "tissu wax", "lait caillé", "mil", "bissap", "emballages", "pièces détachées", "levure", "karité", "sel"};
    private static final String[] THINGS_EN = {"flour", "sugar", "butter", "groundnut oil", "timber", "wax print",
            "curdled milk", "millet", "hibiscus", "packaging", "spare parts", "yeast", "shea butter", "salt"};
    private static final String[] SENTENCES_FR = {
            "Le prix de la farine a doublé depuis l'an dernier.",
            "Les livraisons arrivent en retard pendant l’hivernage.",
            "Nous manquons d'un four plus grand ; la demande dépasse ce qu'on produit.",
            "Les coupures d'électricité nous font perdre une journée par semaine.",
            "La banque demande une garantie que nous n'avons pas.",
            "Nos clients paient souvent à crédit, ce qui pèse sur la trésorerie.",
            "On aimerait vendre aux hôtels de Saly, mais il faut un emballage « propre ».",
            "Le transport vers Dakar coûte cher : 15 000 FCFA le trajet.",
            "Les apprentis partent dès qu'ils sont formés.",
            "Les commandes groupées pour les mariages 💍 sont notre meilleure saison.",
            "Le marché hebdomadaire de Thiès reste le principal débouché.",
            "Nous avons testé la vente sur WhatsApp avec succès.",
            "La concurrence des produits importés est très forte, surtout avant la Tabaski.",
            "Il faudrait une chambre froide partagée entre plusieurs ateliers.",
            "Le four chauffe mal d’un côté 🔥",
            "Nos recettes sont familiales et la clientèle est fidèle.",
            "Difficile de trouver des pièces de rechange \"d'origine\".",
            "On a perdu deux gros clients en 2024, à cause des retards."};
    private static final String[] SENTENCES_EN = {
            "Flour prices doubled since last year.",
            "Deliveries are late during the rainy season.",
            "We need a bigger oven; demand is higher than what we can make.",
            "Power cuts cost us a day's work every week.",
            "The bank asks for collateral we don't have.",
            "Customers often buy on credit, which strains our cash flow.",
            "We'd like to sell to the hotels in Saly, but they want \"proper\" packaging.",
            "Transport to Dakar is expensive: 15,000 FCFA per trip.",
            "Apprentices leave as soon as they are trained.",
            "Weddings are our best season 🎉",
            "The weekly market in Thiès is still our main outlet.",
            "Selling on WhatsApp worked well for us.",
            "Imported goods compete hard, especially before Tabaski.",
            "A cold room shared by several workshops would help.",
            "Spare parts are hard to find; we use second-hand ones."};
    private static final String[] PROVIDERS = {"Chambre de commerce", "ADEPME", "ONFP", "ITA", "Lycée technique de Thiès",
            "ONG Enda", "Coopérative régionale", "Chamber of commerce", "3FPT", ""};
    private static final String[] TOPICS = {"Hygiène alimentaire", "Comptabilité simple", "Marketing digital",
            "Maintenance des machines", "Sécurité au travail", "Food hygiene", "Bookkeeping", "Emballage et étiquetage",
            "Gestion de stock", "Qualité – normes NS"};

    private final Map<String, List<String>> choiceLists = new HashMap<>();
    /** question name → the sum rule it takes part in, for the questions named in another's constraint */
    private final Map<String, Sum> sumMembers = new HashMap<>();
    private final JsonArray sections;

    private record Sum(List<String> members, boolean equal, int total) {
    }

    public AnswerGenerator(JsonObject template) {
        template.getJsonObject("choiceLists").forEach((name, list) -> choiceLists.put(name,
                list.asJsonArray().getValuesAs(JsonObject.class).stream().map(c -> c.getString("value")).toList()));
        sections = template.getJsonArray("sections");
        for (JsonValue section : sections) {
            collectSums(section.asJsonObject().getJsonArray("items"));
        }
    }

    private void collectSums(JsonArray items) {
        for (JsonObject item : items.getValuesAs(JsonObject.class)) {
            if (item.containsKey("items")) {
                collectSums(item.getJsonArray("items"));
            }
            Matcher m = SUM.matcher(item.getString("constraint", ""));
            if (m.matches()) {
                List<String> members = new ArrayList<>();
                Matcher names = NAME.matcher(m.group(1));
                while (names.find()) {
                    members.add(names.group(1));
                }
                Sum sum = new Sum(members, m.group(2).equals("="), Integer.parseInt(m.group(3)));
                members.forEach(member -> sumMembers.put(member, sum));
            }
        }
    }

    /**
     * @param linkable actor ids a linkage answer may name (the register without the respondent)
     * @param french   whether the respondent answers in French (free text mostly in that language)
     */
    public JsonObject answers(Random random, List<Long> linkable, boolean french) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        Map<String, Long> numbers = new HashMap<>();
        for (JsonValue section : sections) {
            fill(section.asJsonObject().getJsonArray("items"), out, numbers, random, linkable, french);
        }
        return out.build();
    }

    private void fill(JsonArray items, JsonObjectBuilder out, Map<String, Long> numbers, Random random,
                      List<Long> linkable, boolean french) {
        for (JsonObject item : items.getValuesAs(JsonObject.class)) {
            String type = item.getString("type", "");
            String name = item.getString("name");
            switch (type) {
                case "group" -> fill(item.getJsonArray("items"), out, numbers, random, linkable, french);
                case "repeat" -> {
                    int entries;
                    if (item.containsKey("count")) {
                        entries = item.getInt("count");
                    } else if (item.containsKey("countFrom")) {
                        Matcher m = NAME.matcher(item.getString("countFrom"));
                        entries = m.matches() ? (int) Math.min(20, Math.max(0, numbers.getOrDefault(m.group(1), 0L))) : 1;
                    } else {
                        int most = Math.min(item.getInt("maxCount", 5), 4);
                        entries = 1 + random.nextInt(most);
                    }
                    JsonArrayBuilder list = JSON.createArrayBuilder();
                    for (int e = 0; e < entries; e++) {
                        JsonObjectBuilder entry = JSON.createObjectBuilder();
                        fill(item.getJsonArray("items"), entry, new HashMap<>(numbers), random, linkable, french);
                        list.add(entry);
                    }
                    out.add(name, list);
                }
                case "note", "calculate" -> {
                    // nothing to answer; the server computes calculations itself
                }
                default -> {
                    boolean required = item.getBoolean("required", false);
                    // a sum's parts are always answered, else the total could not add up
                    if (!required && !sumMembers.containsKey(name) && !SUM.matcher(item.getString("constraint", "")).matches()
                            && random.nextInt(100) < 8) {
                        continue;
                    }
                    JsonValue value = answer(item, type, numbers, random, linkable, french);
                    if (value == null) {
                        continue;
                    }
                    out.add(name, value);
                    if (value instanceof JsonNumber n) {
                        numbers.put(name, n.longValue());
                    }
                    if (item.getBoolean("other", false) && chose(value, "other")) {
                        out.add(name + "_other", specify(random, french));
                    }
                }
            }
        }
    }

    private static boolean chose(JsonValue value, String choice) {
        return value instanceof JsonString s && s.getString().equals(choice)
                || value instanceof JsonArray a && a.contains(JSON.createValue(choice));
    }

    private JsonValue answer(JsonObject q, String type, Map<String, Long> numbers, Random random, List<Long> linkable,
                             boolean french) {
        String name = q.getString("name");
        return switch (type) {
            case "text" -> JSON.createValue(limit(shortText(name, random, french), q.getInt("maxLength", 10_000)));
            case "long_text" -> JSON.createValue(limit(longText(random, french), q.getInt("maxLength", 10_000)));
            case "integer" -> JSON.createValue(integer(q, numbers, random));
            case "decimal" -> {
                double min = number(q, "min", 0);
                double max = number(q, "max", Math.max(min + 100, 100));
                yield JSON.createValue(BigDecimal.valueOf(min + random.nextDouble() * (max - min))
                        .setScale(1, RoundingMode.DOWN));
            }
            case "date" -> {
                LocalDate min = q.containsKey("min") ? LocalDate.parse(q.getString("min")) : FIRST_INTERVIEW;
                LocalDate max = q.containsKey("max") ? LocalDate.parse(q.getString("max")) : LAST_INTERVIEW;
                LocalDate from = min.isAfter(FIRST_INTERVIEW) ? min : FIRST_INTERVIEW;
                LocalDate to = max.isBefore(LAST_INTERVIEW) ? max : LAST_INTERVIEW;
                if (to.isBefore(from)) {
                    from = min;
                    to = max;
                }
                yield JSON.createValue(from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1)).toString());
            }
            // a few refuse: their answers then stop at the first page, as the template says
            case "yes_no" -> JSON.createValue(name.equals("consent") ? (random.nextInt(100) < 2 ? "no" : "yes")
                    : random.nextInt(100) < 55 ? "yes" : "no");
            case "select_one", "likert" -> {
                List<String> values = choices(q);
                boolean other = q.getBoolean("other", false) && random.nextInt(100) < 6;
                yield JSON.createValue(other ? "other" : values.get(skewed(random, values.size())));
            }
            case "select_multiple" -> selectMultiple(q, random);
            case "rank" -> {
                List<String> values = new ArrayList<>(choices(q));
                int most = Math.min(q.getInt("rankCount", values.size()), values.size());
                int n = 1 + random.nextInt(most);
                JsonArrayBuilder ranked = JSON.createArrayBuilder();
                for (int i = 0; i < n; i++) {
                    ranked.add(values.remove(random.nextInt(values.size())));
                }
                yield ranked.build();
            }
            case "matrix" -> {
                List<String> scale = choices(q);
                JsonObjectBuilder rows = JSON.createObjectBuilder();
                boolean all = q.getBoolean("required", false) || random.nextBoolean();
                for (JsonObject row : q.getJsonArray("rows").getValuesAs(JsonObject.class)) {
                    if (all || random.nextInt(100) < 70) {
                        rows.add(row.getString("name"), scale.get(random.nextInt(scale.size())));
                    }
                }
                yield rows.build();
            }
            case "geopoint" -> JSON.createObjectBuilder()
                    .add("lat", BigDecimal.valueOf(14.79 + (random.nextDouble() - 0.5) * 0.6).setScale(5, RoundingMode.HALF_UP))
                    .add("lon", BigDecimal.valueOf(-16.93 + (random.nextDouble() - 0.5) * 0.6).setScale(5, RoundingMode.HALF_UP))
                    .add("accuracy", 3 + random.nextInt(45))
                    .build();
            case "linkage" -> {
                if (linkable.isEmpty()) {
                    yield null;
                }
                List<String> relations = choiceLists.get(q.getString("relations"));
                Set<Long> actors = new LinkedHashSet<>();
                int n = random.nextInt(Math.min(5, linkable.size() + 1));
                if (n == 0) {
                    yield null;
                }
                while (actors.size() < n) {
                    actors.add(linkable.get(random.nextInt(linkable.size())));
                }
                JsonArrayBuilder links = JSON.createArrayBuilder();
                for (long actor : actors) {
                    List<String> left = new ArrayList<>(relations);
                    JsonArrayBuilder chosen = JSON.createArrayBuilder();
                    for (int i = 1 + random.nextInt(3); i > 0 && !left.isEmpty(); i--) {
                        chosen.add(left.remove(random.nextInt(left.size())));
                    }
                    links.add(JSON.createObjectBuilder().add("actor", actor).add("relations", chosen));
                }
                yield links.build();
            }
            default -> throw new IllegalArgumentException("no generator for question type " + type + " (" + name + ")");
        };
    }

    private long integer(JsonObject q, Map<String, Long> numbers, Random random) {
        String name = q.getString("name");
        long min = (long) number(q, "min", Long.MIN_VALUE);
        long max = (long) number(q, "max", Long.MAX_VALUE);
        Matcher bounds = BOUNDS.matcher(q.getString("constraint", ""));
        if (bounds.matches()) {
            for (int g = 1; g <= 3 && bounds.group(g) != null; g += 2) {
                long bound = Long.parseLong(bounds.group(g + 1));
                if (bounds.group(g).equals(">=")) {
                    min = Math.max(min, bound);
                } else {
                    max = Math.min(max, bound);
                }
            }
            // a year: most firms were founded in living memory
            if (min >= 1800 && max <= 2100) {
                min = Math.max(min, 1955);
                max = Math.min(max, 2025);
            }
        }
        if (min == Long.MIN_VALUE) {
            min = Math.min(0, max);
        }
        if (max == Long.MAX_VALUE) {
            max = min + 1_000;
        }
        Sum member = sumMembers.get(name);
        if (member != null && member.equal()) {
            long used = member.members().stream().mapToLong(m -> numbers.getOrDefault(m, 0L)).sum();
            long left = Math.max(0, Math.min(max, member.total() - used));
            // the first share is the largest, as a firm's local sales usually are
            return member.members().indexOf(name) == 0 ? left / 2 + random.nextLong(left / 2 + 1) : random.nextLong(left + 1);
        }
        Matcher sum = SUM.matcher(q.getString("constraint", ""));
        long value = max - min <= 100 ? min + random.nextLong(max - min + 1)
                : min + (long) (Math.pow(random.nextDouble(), 3) * Math.min(max - min, 120));
        if (sum.matches()) {
            long others = 0;
            Matcher names = NAME.matcher(sum.group(1));
            while (names.find()) {
                others += numbers.getOrDefault(names.group(1), 0L);
            }
            long total = Integer.parseInt(sum.group(3));
            value = sum.group(2).equals("=") ? total - others : Math.max(value, total - others);
        }
        return value;
    }

    private JsonValue selectMultiple(JsonObject q, Random random) {
        List<String> values = new ArrayList<>(choices(q));
        boolean other = q.getBoolean("other", false);
        Matcher exclusive = EXCLUSIVE.matcher(q.getString("constraint", ""));
        String alone = exclusive.matches() ? exclusive.group(1) : null;
        if (alone != null && random.nextInt(100) < 12) {
            return JSON.createArrayBuilder().add(alone).build();
        }
        values.remove(alone);
        if (other) {
            values.add("other");
        }
        int min = Math.max(1, q.getInt("minSelected", 1));
        int max = Math.min(q.getInt("maxSelected", 4), values.size());
        int n = min + random.nextInt(Math.max(1, max - min + 1));
        JsonArrayBuilder chosen = JSON.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            String value = values.remove(random.nextInt(values.size()));
            // "other" seldom
            if (value.equals("other") && random.nextInt(100) < 70 && !values.isEmpty()) {
                value = values.remove(random.nextInt(values.size()));
            }
            chosen.add(value);
        }
        return chosen.build();
    }

    private List<String> choices(JsonObject q) {
        List<String> values = choiceLists.get(q.getString("choices"));
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("question " + q.getString("name") + " has no choice list");
        }
        return values;
    }

    private static double number(JsonObject q, String key, double otherwise) {
        return q.get(key) instanceof JsonNumber n ? n.doubleValue() : otherwise;
    }

    /** Index into a list of n, the first ones likelier: answers cluster on a few choices. */
    private static int skewed(Random random, int n) {
        return Math.min(n - 1, (int) (Math.pow(random.nextDouble(), 1.6) * n));
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String shortText(String name, Random random, boolean french) {
        if (name.contains("name")) {
            return pick(random, TRADE) + " " + pick(random, FAMILY) + pick(random, SUFFIX);
        }
        if (name.contains("topic")) {
            return pick(random, TOPICS);
        }
        if (name.contains("provider")) {
            return pick(random, PROVIDERS);
        }
        String[] things = french ? THINGS_FR : THINGS_EN;
        int n = 1 + random.nextInt(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String thing = pick(random, things);
            text.append(i == 0 ? Character.toUpperCase(thing.charAt(0)) + thing.substring(1) : thing)
                    .append(i < n - 2 ? ", " : i == n - 2 ? (french ? " et " : " and ") : "");
        }
        return text.toString();
    }

    private static String longText(Random random, boolean french) {
        String[] sentences = french ? SENTENCES_FR : SENTENCES_EN;
        int n = 1 + random.nextInt(4);
        StringBuilder text = new StringBuilder();
        boolean list = random.nextInt(100) < 10;
        for (int i = 0; i < n; i++) {
            if (list) {
                // a list typed with dashes: the cell starts like a formula
                text.append(i == 0 ? "- " : "\n- ");
            } else if (i > 0) {
                text.append(random.nextInt(4) == 0 ? "\n" : " ");
            }
            text.append(pick(random, sentences));
        }
        if (random.nextInt(100) < 5) {
            text.append(" — ").append(pick(random, GIVEN)).append(' ').append(pick(random, FAMILY));
        }
        return text.toString();
    }

    private static String specify(Random random, boolean french) {
        return french ? pick(random, new String[] {"Écoles du quartier", "Fille du propriétaire, gère la caisse",
                "Restaurants, « dibiteries »", "Vente au bord de la route", "Autre : voir commentaire"})
                : pick(random, new String[] {"Neighbourhood schools", "Owner's daughter, runs the till",
                "Roadside stalls", "Other: see comment"});
    }

    /** At most {@code max} code points, cut at a code point boundary. */
    private static String limit(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
