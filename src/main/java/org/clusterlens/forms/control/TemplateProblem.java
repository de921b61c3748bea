package org.clusterlens.forms.control;

/**
 * One thing wrong with a template.
 *
 * @param pointer RFC 6901 JSON pointer to the offending value ("" is the whole document); for a
 *                missing key, the object that lacks it
 * @param message plain English
 */
public record TemplateProblem(String pointer, String message) {
}
