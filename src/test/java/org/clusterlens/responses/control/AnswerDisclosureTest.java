package org.clusterlens.responses.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.studies.control.Pseudonyms;
import org.clusterlens.studies.control.Viewer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerDisclosureTest {
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(Pseudonyms.newKey());

    /** Every question type, the nickname tagged pii, plus a repeat whose manager is pii too. */
    private static TemplateVersion template() {
        JsonObject every = Submissions.resource("every-type.json");
        JsonObject section = every.getJsonArray("sections").getJsonObject(0);
        var items = Json.createArrayBuilder();
        for (JsonObject item : section.getJsonArray("items").getValuesAs(JsonObject.class)) {
            items.add(item.getString("name").equals("nickname")
                    ? Json.createObjectBuilder(item).add("tags", Json.createArrayBuilder().add("pii")).build() : item);
        }
        items.add(Json.createObjectBuilder().add("type", "repeat").add("name", "branches")
                .add("label", label("Branches", "Succursales", "فروع"))
                .add("items", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("name", "branch_manager")
                                .add("label", label("Manager", "Gérant", "مدير"))
                                .add("tags", Json.createArrayBuilder().add("pii")))
                        .add(Json.createObjectBuilder().add("type", "geopoint").add("name", "branch_location")
                                .add("label", label("Where", "Où", "أين")))));
        JsonObject template = Json.createObjectBuilder(every).add("sections", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(section).add("items", items))).build();
        return new TemplateVersion(template.getString("id"), 1, "Every type", template.toString(), "test");
    }

    private static JsonObject label(String en, String fr, String ar) {
        return Json.createObjectBuilder().add("en", en).add("fr", fr).add("ar", ar).build();
    }

    private static JsonObject answers() {
        return Json.createObjectBuilder(Submissions.resource("every-type-answers.json"))
                .add("branches", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("branch_manager", "Awa Ndiaye")
                        .add("branch_location", Json.createObjectBuilder().add("lat", 14.7166).add("lon", -17.4677))))
                .build();
    }

    private static AnswerDisclosure forLeads(boolean identified) {
        return new AnswerDisclosure(new Viewer(7, "lead@example.org", Role.lead, identified, PSEUDONYMS));
    }

    @Test
    void identifiedViewersGetTheAnswersAsGiven() {
        JsonObject given = answers();
        assertSame(given, forLeads(true).answers(given, template()));
    }

    @Test
    void piiAnswersAreLeftOutAtEveryDepth() {
        JsonObject masked = forLeads(false).answers(answers(), template());
        assertFalse(masked.containsKey("nickname"));
        assertFalse(masked.getJsonArray("branches").getJsonObject(0).containsKey("branch_manager"));
        assertEquals("Started in 1998 with one oven.", masked.getString("story"), "other free text stays");
        assertEquals(12, masked.getInt("staff"));
    }

    @Test
    void geopointsAreCoarsenedToAboutAKilometreWithoutTheirAccuracy() {
        JsonObject masked = forLeads(false).answers(answers(), template());
        JsonObject location = masked.getJsonObject("location");
        assertEquals("14.69", location.getJsonNumber("lat").toString());
        assertEquals("-17.44", location.getJsonNumber("lon").toString());
        assertFalse(location.containsKey("accuracy"));
        JsonObject branch = masked.getJsonArray("branches").getJsonObject(0).getJsonObject("branch_location");
        assertEquals("14.72", branch.getJsonNumber("lat").toString());
    }

    @Test
    void linkedActorsBecomeTheirPseudonymsAndKeepTheirRelations() {
        JsonArray links = forLeads(false).answers(answers(), template()).getJsonArray("links");
        assertEquals(PSEUDONYMS.of(12), links.getJsonObject(0).getString("actor"));
        assertEquals(PSEUDONYMS.of(34), links.getJsonObject(1).getString("actor"));
        assertEquals(Json.createArrayBuilder().add("buys_from").add("sells_to").build(),
                links.getJsonObject(0).getJsonArray("relations"));
    }

    @Test
    void csvColumnsOfPiiQuestionsAndTheirOtherTextAreWithheld() {
        AnswerDisclosure disclosure = forLeads(false);
        TemplateVersion version = template();
        assertTrue(disclosure.withholds(version, "nickname"));
        assertTrue(disclosure.withholds(version, "nickname_other"));
        assertFalse(disclosure.withholds(version, "story"));
        assertFalse(forLeads(true).withholds(version, "nickname"));
    }
}
