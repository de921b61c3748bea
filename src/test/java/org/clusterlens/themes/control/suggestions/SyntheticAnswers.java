package org.clusterlens.themes.control.suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Answers about one of a few themes, each written with words of its theme's vocabulary (with
 * probability {@code clarity}) or of any other, plus filler words every theme uses.
 */
record SyntheticAnswers(int themes, double clarity, long seed) {
    private static final int WORDS_PER_THEME = 12;
    private static final int WORDS_PER_ANSWER = 6;

    List<CodedText> draw(int count) {
        Random random = new Random(seed);
        List<CodedText> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long theme = i % themes;
            StringBuilder text = new StringBuilder("the answer");
            for (int w = 0; w < WORDS_PER_ANSWER; w++) {
                long from = random.nextDouble() < clarity ? theme : random.nextInt(themes);
                text.append(' ').append(word(from, random.nextInt(WORDS_PER_THEME)));
                if (random.nextBoolean()) {
                    text.append(" filler").append(random.nextInt(5));
                }
            }
            answers.add(new CodedText(text.toString(), "en", Set.of(theme)));
        }
        return answers;
    }

    private static String word(long theme, int k) {
        return "t" + theme + "w" + k;
    }
}
