package org.clusterlens.forms.control;

import java.util.Optional;

/** What a section holds: a question, or a group or repeat of further items. */
public sealed interface Item permits Question, Group, Repeat {

    String name();

    /** The {@code relevant} expression, if any. */
    Optional<String> relevant();
}
