package org.clusterlens.responses.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * What a respondent is told about an answer, in English, French and Arabic. Arguments are written
 * {0}, {1}; MessageFormat is avoided on purpose, as it would eat the apostrophes French needs.
 */
enum AnswerMessages {

    REQUIRED("Please answer this question.",
            "Veuillez répondre à cette question.",
            "يرجى الإجابة عن هذا السؤال."),
    TEXT("Please write your answer as text.",
            "Veuillez saisir votre réponse sous forme de texte.",
            "يرجى كتابة إجابتك نصًّا."),
    TOO_LONG("Please shorten your answer to at most {0} characters (it has {1}).",
            "Veuillez raccourcir votre réponse à {0} caractères au plus (elle en compte {1}).",
            "يرجى اختصار إجابتك بحيث لا يزيد عدد أحرفها على {0} (عددها الآن {1})."),
    WHOLE_NUMBER("Enter a whole number.",
            "Saisissez un nombre entier.",
            "أدخل عددًا صحيحًا."),
    WHOLE_NUMBER_BETWEEN("Enter a whole number between {0} and {1}.",
            "Saisissez un nombre entier compris entre {0} et {1}.",
            "أدخل عددًا صحيحًا بين {0} و{1}."),
    WHOLE_NUMBER_AT_LEAST("Enter a whole number of at least {0}.",
            "Saisissez un nombre entier supérieur ou égal à {0}.",
            "أدخل عددًا صحيحًا لا يقل عن {0}."),
    WHOLE_NUMBER_AT_MOST("Enter a whole number of at most {0}.",
            "Saisissez un nombre entier inférieur ou égal à {0}.",
            "أدخل عددًا صحيحًا لا يزيد على {0}."),
    NUMBER("Enter a number.",
            "Saisissez un nombre.",
            "أدخل عددًا."),
    NUMBER_BETWEEN("Enter a number between {0} and {1}.",
            "Saisissez un nombre compris entre {0} et {1}.",
            "أدخل عددًا بين {0} و{1}."),
    NUMBER_AT_LEAST("Enter a number of at least {0}.",
            "Saisissez un nombre supérieur ou égal à {0}.",
            "أدخل عددًا لا يقل عن {0}."),
    NUMBER_AT_MOST("Enter a number of at most {0}.",
            "Saisissez un nombre inférieur ou égal à {0}.",
            "أدخل عددًا لا يزيد على {0}."),
    DATE("Enter a date as year-month-day, for example 2025-03-14.",
            "Saisissez une date sous la forme année-mois-jour, par exemple 2025-03-14.",
            "أدخل تاريخًا بصيغة السنة-الشهر-اليوم، مثل 2025-03-14."),
    DATE_BETWEEN("Enter a date between {0} and {1}.",
            "Saisissez une date comprise entre le {0} et le {1}.",
            "أدخل تاريخًا بين {0} و{1}."),
    DATE_AT_LEAST("Enter a date on or after {0}.",
            "Saisissez une date à partir du {0}.",
            "أدخل تاريخًا لا يسبق {0}."),
    DATE_AT_MOST("Enter a date on or before {0}.",
            "Saisissez une date jusqu’au {0} inclus.",
            "أدخل تاريخًا لا يتجاوز {0}."),
    YES_NO("Answer yes or no.",
            "Répondez par oui ou par non.",
            "أجب بنعم أو لا."),
    CHOICE("Choose one of the options offered.",
            "Choisissez l’une des options proposées.",
            "اختر أحد الخيارات المقترحة."),
    CHOICES("Choose from the options offered, each at most once.",
            "Choisissez parmi les options proposées, chacune une seule fois.",
            "اختر من بين الخيارات المقترحة، كلًّا منها مرة واحدة فقط."),
    AT_LEAST_ONE_OPTION("Choose at least one option.",
            "Choisissez au moins une option.",
            "اختر خيارًا واحدًا على الأقل."),
    AT_LEAST_OPTIONS("Choose at least {0} options.",
            "Choisissez au moins {0} options.",
            "اختر خيارات لا يقل عددها عن {0}."),
    AT_MOST_ONE_OPTION("Choose at most one option.",
            "Choisissez au plus une option.",
            "اختر خيارًا واحدًا على الأكثر."),
    AT_MOST_OPTIONS("Choose at most {0} options.",
            "Choisissez au plus {0} options.",
            "اختر خيارات لا يزيد عددها على {0}."),
    RANK("Rank options from the list, each at most once.",
            "Classez des options de la liste, chacune une seule fois.",
            "رتّب خيارات من القائمة، كلًّا منها مرة واحدة فقط."),
    RANK_AT_MOST("Rank at most {0} options.",
            "Classez au plus {0} options.",
            "رتّب خيارات لا يزيد عددها على {0}."),
    MATRIX("Choose a value from the scale for each row.",
            "Choisissez une valeur de l’échelle pour chaque ligne.",
            "اختر قيمة من السلّم لكل سطر."),
    MATRIX_INCOMPLETE("Please answer every row.",
            "Veuillez répondre à chaque ligne.",
            "يرجى الإجابة عن كل سطر."),
    GEOPOINT("Enter a location: a latitude from -90 to 90 and a longitude from -180 to 180.",
            "Indiquez un emplacement\u00A0: une latitude de -90 à 90 et une longitude de -180 à 180.",
            "حدّد موقعًا صحيحًا بخط العرض وخط الطول."),
    LINKAGE("Choose firms or institutions from the list and tick their relations.",
            "Choisissez des entreprises ou institutions dans la liste et cochez vos relations avec elles.",
            "اختر جهات من القائمة وحدّد علاقاتك بها."),
    LINKAGE_UNKNOWN_ACTOR("One of the firms or institutions you chose is not in this study’s list.",
            "L’une des entreprises ou institutions choisies ne figure pas dans la liste de cette étude.",
            "إحدى الجهات التي اخترتها غير موجودة في قائمة هذه الدراسة."),
    LINKAGE_DUPLICATE("The same firm or institution is chosen twice.",
            "La même entreprise ou institution est choisie deux fois.",
            "اخترت الجهة نفسها مرتين."),
    LINKAGE_RELATIONS("Tick at least one relation from the list for each firm or institution.",
            "Cochez au moins une relation de la liste pour chaque entreprise ou institution.",
            "حدّد علاقة واحدة على الأقل من القائمة لكل جهة."),
    OTHER_REQUIRED("Please specify “Other”.",
            "Veuillez préciser «\u00A0Autre\u00A0».",
            "يرجى توضيح «أخرى»."),
    ENTRIES("These entries could not be read.",
            "Ces entrées n’ont pas pu être lues.",
            "تعذّرت قراءة هذه الإدخالات."),
    ENTRY("This entry could not be read.",
            "Cette entrée n’a pas pu être lue.",
            "تعذّرت قراءة هذا الإدخال."),
    NO_ENTRIES("No entries are expected here.",
            "Aucune entrée n’est attendue ici.",
            "لا يُنتظر أي إدخال هنا."),
    EXACTLY_ONE_ENTRY("Fill in exactly one entry.",
            "Remplissez exactement une entrée.",
            "املأ إدخالًا واحدًا بالضبط."),
    EXACTLY_ENTRIES("Fill in exactly {0} entries.",
            "Remplissez exactement {0} entrées.",
            "عدد الإدخالات المطلوب هو {0} بالضبط."),
    AT_MOST_ONE_ENTRY("Add at most one entry.",
            "Ajoutez au plus une entrée.",
            "أضف إدخالًا واحدًا على الأكثر."),
    AT_MOST_ENTRIES("Add at most {0} entries.",
            "Ajoutez au plus {0} entrées.",
            "لا يمكن أن يزيد عدد الإدخالات على {0}."),
    NOT_ACCEPTED("This answer is not accepted. Please check it.",
            "Cette réponse n’est pas acceptée. Veuillez la vérifier.",
            "هذه الإجابة غير مقبولة. يرجى التحقق منها."),
    UNKNOWN_QUESTION("This is not a question of this questionnaire.",
            "Ce n’est pas une question de ce questionnaire.",
            "هذا ليس سؤالًا في هذا الاستبيان."),
    MISPLACED_QUESTION("This question belongs to another part of the questionnaire.",
            "Cette question appartient à une autre partie du questionnaire.",
            "هذا السؤال ينتمي إلى جزء آخر من الاستبيان.");

    private static final String FALLBACK = "en";

    private final Map<String, String> texts;

    AnswerMessages(String en, String fr, String ar) {
        texts = Map.of("en", en, "fr", fr, "ar", ar);
    }

    static boolean speaks(String language) {
        return REQUIRED.texts.containsKey(language);
    }

    /** The message in {@code language}, or in English if there is none in that language. */
    String in(String language, Object... arguments) {
        String text = texts.getOrDefault(language, texts.get(FALLBACK));
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** A template bound written for a person; years stay ungrouped, French takes a decimal comma. */
    static String number(BigDecimal number, String language) {
        String plain = number.toPlainString();
        return language.equals("fr") ? plain.replace('.', ',') : plain;
    }

    static String date(LocalDate date, String language) {
        Locale locale = speaks(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }
}
