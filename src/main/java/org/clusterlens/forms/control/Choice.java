package org.clusterlens.forms.control;

public record Choice(String value, LocalizedText label) {
}
