package org.clusterlens.forms.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A template added to forms/ but not to the start-up list would silently never be published. */
class ShippedFormsListTest {
    @Test
    void everyTemplateInTheFormsFolderIsLoadedAtStartUp() throws IOException {
        Set<String> inFolder;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            inFolder = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(inFolder, new TreeSet<>(ShippedForms.FILES));
    }
}
