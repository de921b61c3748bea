package org.clusterlens.forms.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every template in the project's forms/ folder must validate without problems. */
class ShippedTemplatesTest {

    private static Path formsDirectory() {
        return Path.of(System.getProperty("clusterlens.formsDir", "forms"));
    }

    @Test
    void shippedTemplatesHaveNoProblems() throws IOException {
        Path directory = formsDirectory();
        List<Path> files = List.of();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
            }
        }
        Assumptions.assumeFalse(files.isEmpty(), "no *.json templates in " + directory.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 JsonReader reader = Json.createReader(in)) {
                new TemplateValidator().validate(reader.readObject()).forEach(problem ->
                        problems.add(file.getFileName() + " " + problem.pointer() + ": " + problem.message()));
            } catch (JsonException | ClassCastException e) {
                problems.add(file.getFileName() + ": not a JSON object: " + e.getMessage());
            }
        }
        problems.forEach(System.out::println);
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) in " + files.size() + " templates:\n"
                + String.join("\n", problems));
    }
}
