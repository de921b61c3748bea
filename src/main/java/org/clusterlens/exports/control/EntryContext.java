package org.clusterlens.exports.control;

import jakarta.json.JsonObject;

/**
 * Where a row's values come from: the response, the entry of the table (the answers themselves
 * for the main table, an entry of a repeat, or one pick of a linkage question) and the entry's
 * position at each level, counted from 1.
 */
public record EntryContext(ExportedResponse response, JsonObject entry, int[] positions) {
}
