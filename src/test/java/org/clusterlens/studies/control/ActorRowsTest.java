package org.clusterlens.studies.control;

import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.studies.entity.ActorType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorRowsTest {
    private static final String HEADER = "external_id,name,type,sector,size_band,location,email,phone\r\n";

    private static ActorRows.Result read(String text) {
        return ActorRows.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCleanFileGivesOneActorPerRow() {
        ActorRows.Result result = read("\uFEFF" + HEADER
                + "F1,\"Boulangerie Ndiaye, fils\",firm,bakery,small,Thiès,contact@ndiaye.sn,+221 77\r\n"
                + "I1,Chambre de Métiers,Institution,,,,,\r\n"
                + ",مخبز الأمل 🍞,other,,,,,\r\n");
        assertTrue(result.clean(), result.errors()::toString);
        assertEquals(3, result.rows().size());
        assertEquals("Boulangerie Ndiaye, fils", result.rows().get(0).name());
        assertEquals(ActorType.institution, result.rows().get(1).type());
        assertEquals(null, result.rows().get(1).email());
        assertEquals("مخبز الأمل 🍞", result.rows().get(2).name());
    }

    @Test
    void everyBadRowIsReportedWithLineColumnAndReason() {
        ActorRows.Result result = read(HEADER
                + "F1,Good firm,firm,,,,,\n"
                + "F2,Bad type,factory,,,,,\n"
                + "F3,,firm,,,,,\n"
                + "F4,Bad mail,firm,,,,not-an-address,\n"
                + "F1,Duplicate,firm,,,,,\n"
                + "F6,Too few,firm\n");
        assertTrue(result.rows().isEmpty(), "nothing is imported from a file with problems");
        List<String> fields = result.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("line 3, column type", "line 4, column name", "line 5, column email",
                "line 6, column external_id", "line 7"), fields);
        assertTrue(result.errors().get(3).message().contains("line 2"), result.errors().get(3)::message);
        assertTrue(result.errors().get(4).message().contains("has 3 values"), result.errors().get(4)::message);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWhereTheyAre() {
        byte[] latin1 = (HEADER + "F1,Boulangerie,firm,,,,,\nF2,Épicerie,firm,,,Thiès,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ActorRows.Result result = ActorRows.read(latin1);
        List<String> fields = result.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("line 3, column name", "line 3, column location"), fields);
        assertTrue(result.errors().getFirst().message().contains("UTF-8"));
    }

    @Test
    void aRecordWithALineBreakInsideQuotesIsReportedAtTheLineItStarts() {
        ActorRows.Result result = read(HEADER + "F1,\"Two\nlines\",firm,,,,,\nF2,Two,bad,,,,,\n");
        assertEquals(List.of("line 4, column type"), result.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void anUnknownHeaderColumnIsRefused() {
        ActorRows.Result result = read("external_id,name,type,colour\nF1,A,firm,red\n");
        assertEquals(List.of("line 1, column 4"), result.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
        ActorRows.Result result = read("type,name\nfirm,Atelier\n");
        assertTrue(result.clean(), result.errors()::toString);
        assertEquals("Atelier", result.rows().getFirst().name());
    }
}
