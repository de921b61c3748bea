package org.clusterlens.studies.control;

import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.ActorType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads and checks an actor register file. Every problem of every row is reported, each as
 * {@code line 7, column email}, so that the person fixing the file sees all of them at once.
 */
public final class ActorRows {
    public static final List<String> COLUMNS =
            List.of("external_id", "name", "type", "sector", "size_band", "location", "email", "phone");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("external_id", 100, "name", 300, "type", 20,
            "sector", 200, "size_band", 200, "location", 200, "email", 254, "phone", 60);

    /** The rows of a clean file, or every problem of a file that is not. */
    public record Result(List<Actor.Details> rows, List<FieldError> errors) {
        public boolean clean() {
            return errors.isEmpty();
        }
    }

    private ActorRows() {
    }

    public static Result read(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        boolean utf8 = isUtf8(file);
        List<FieldError> errors = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(text).stream().filter(r -> !r.isBlank()).toList();
        } catch (Csv.SyntaxException e) {
            return new Result(List.of(), List.of(new FieldError("line " + e.line(), e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Result(List.of(), List.of(new FieldError("line 1",
                    "the file is empty; the first line names the columns: " + String.join(",", COLUMNS))));
        }
        Csv.Record header = records.getFirst();
        List<String> names = header.values().stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < names.size(); i++) {
            if (!COLUMNS.contains(names.get(i))) {
                errors.add(error(header.line(), "column " + (i + 1), "'" + header.values().get(i)
                        + "' is not a column of the register; the columns are " + String.join(",", COLUMNS)));
            } else if (names.indexOf(names.get(i)) != i) {
                errors.add(error(header.line(), "column " + names.get(i), "appears twice in the header"));
            }
        }
        for (String required : List.of("name", "type")) {
            if (!names.contains(required)) {
                errors.add(error(header.line(), "column " + required, "is missing from the header"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        List<Actor.Details> rows = new ArrayList<>();
        Map<String, Integer> externalIds = new HashMap<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            int line = record.line();
            if (record.values().size() != names.size()) {
                errors.add(new FieldError("line " + line, "has " + record.values().size() + " values; the header has "
                        + names.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String value = record.values().get(i).strip();
                values.put(names.get(i), value.isEmpty() ? null : value);
            }
            BiConsumer<String, String> problem = (column, reason) -> errors.add(error(line, "column " + column, reason));
            values.forEach((column, value) -> {
                if (value != null && value.indexOf('\0') >= 0) {
                    problem.accept(column, "contains a NUL character (U+0000), which ClusterLens does not store");
                } else if (value != null && !utf8 && value.indexOf('\uFFFD') >= 0) {
                    problem.accept(column, "is not UTF-8 text; save the file as \"CSV UTF-8\"");
                } else if (value != null && value.length() > MAX_LENGTH.get(column)) {
                    problem.accept(column, "is longer than " + MAX_LENGTH.get(column) + " characters");
                }
            });
            Actor.Details details = details(values, problem);
            String externalId = values.get("external_id");
            if (externalId != null) {
                Integer first = externalIds.putIfAbsent(externalId, line);
                if (first != null) {
                    problem.accept("external_id", "'" + externalId + "' is also on line " + first);
                }
            }
            rows.add(details);
        }
        return errors.isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), errors);
    }

    /** Checks one actor's fields, reporting each problem by column name. */
    public static Actor.Details details(Map<String, String> values, BiConsumer<String, String> problem) {
        String name = values.get("name");
        if (name == null) {
            problem.accept("name", "is empty; every actor needs a name");
        }
        String typeName = values.get("type");
        ActorType type = ActorType.parse(typeName).orElse(null);
        if (type == null) {
            problem.accept("type", typeName == null ? "is empty; it is one of " + ActorType.names()
                    : "'" + typeName + "' is not an actor type; it is one of " + ActorType.names());
        }
        String email = values.get("email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            problem.accept("email", "'" + email + "' is not an email address");
        }
        return new Actor.Details(values.get("external_id"), name, type, values.get("sector"), values.get("size_band"),
                values.get("location"), email, values.get("phone"));
    }

    private static FieldError error(int line, String column, String reason) {
        return new FieldError("line " + line + ", " + column, reason);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
