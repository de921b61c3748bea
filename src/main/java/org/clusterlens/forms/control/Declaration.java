package org.clusterlens.forms.control;

/**
 * A named item as the validator saw it.
 *
 * @param type   the question type, or null for sections, groups and repeats
 * @param repeat the innermost enclosing repeat, or null
 */
record Declaration(String name, String pointer, Kind kind, QuestionType type, String repeat) {

    enum Kind { SECTION, GROUP, REPEAT, QUESTION }
}
