package org.clusterlens.forms.control;

/**
 * An expression found in a template.
 *
 * @param key   relevant, constraint, calculation or countFrom
 * @param owner the item the expression belongs to
 */
record ExpressionSite(String pointer, String source, String key, Declaration owner) {
}
