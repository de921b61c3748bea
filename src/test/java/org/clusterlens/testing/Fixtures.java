package org.clusterlens.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Small templates made for the tests; the shipped library is tested separately. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** A valid two-language template whose one free-text label is {@code label}. */
    public static String template(String id, String label) {
        return """
                {
                  "id": "%s",
                  "title": {"en": "Bakery cluster check", "ar": "فحص عنقود المخابز"},
                  "languages": ["en", "ar"],
                  "defaultLanguage": "en",
                  "choiceLists": {
                    "yn": [
                      {"value": "yes", "label": {"en": "Yes", "ar": "نعم"}},
                      {"value": "no", "label": {"en": "No", "ar": "لا"}}
                    ]
                  },
                  "sections": [
                    {
                      "name": "profile",
                      "title": {"en": "Profile", "ar": "الملف"},
                      "items": [
                        {"type": "integer", "name": "employees", "label": {"en": "Employees", "ar": "الموظفون"},
                         "required": true, "min": 0, "max": 100000},
                        {"type": "select_one", "name": "exports", "choices": "yn",
                         "label": {"en": "Do you export?", "ar": "هل تصدّر؟"}},
                        {"type": "long_text", "name": "story",
                         "label": {"en": %s, "ar": "قصتك 🍞"},
                         "relevant": "${exports} = 'yes'"}
                      ]
                    }
                  ]
                }
                """.formatted(id, jsonString(label));
    }

    /** The same template with one more question, for versioning and diffs. */
    public static String templateWithExtraQuestion(String id, String label) {
        return template(id, label).replace("""
                         "relevant": "${exports} = 'yes'"}
                """, """
                         "relevant": "${exports} = 'yes'"},
                        {"type": "decimal", "name": "energy_share", "label": {"en": "Energy share", "ar": "حصة الطاقة"},
                         "min": 0, "max": 100}
                """);
    }

    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
