package org.clusterlens.themes.control.codebook;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.clusterlens.platform.errors.Problem.FieldError;
import org.clusterlens.studies.control.Csv;
import org.clusterlens.themes.entity.Theme;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A codebook as a file: CSV (one theme a line, its parent by name, with its query), or a REFI-QDA
 * codebook ({@code .qdc}, the exchange format of NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette),
 * which has names, descriptions and two levels of codes but no place for a query. Reading checks
 * every line and reports each problem by line and column, before anything is imported.
 */
public final class CodebookFile {
    public static final String QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0";
    public static final List<String> COLUMNS = List.of("name", "parent", "description", "query", "origin");
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n").get();

    /** A theme read from a file; {@code parent} is the name of its parent, null at the top. */
    public record Row(int line, String name, String parent, String description, String query, Theme.Origin origin) {
    }

    public record Read(List<Row> rows, List<FieldError> errors) {
    }

    private CodebookFile() {
    }

    /** A spreadsheet runs a cell that starts like a formula; the apostrophe makes it text (as exports do). */
    public static String safe(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The themes, parents first, as CSV with every cell quoted. */
    public static String csv(List<Theme> themes) {
        Map<Long, Theme> byId = new HashMap<>();
        themes.forEach(t -> byId.put(t.id(), t));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(COLUMNS);
            for (Theme theme : parentsFirst(themes)) {
                Theme parent = theme.parentId() == null ? null : byId.get(theme.parentId());
                printer.printRecord(safe(theme.name()), parent == null ? "" : safe(parent.name()),
                        safe(theme.description()), safe(theme.query()), theme.origin().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The themes as a REFI-QDA codebook; each theme's guid is the same at every export of the study. */
    public static String qdc(long studyId, List<Theme> themes) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("CodeBook");
            xml.writeDefaultNamespace(QDC_NAMESPACE);
            xml.writeAttribute("origin", "ClusterLens");
            xml.writeStartElement("Codes");
            for (Theme top : themes.stream().filter(t -> t.parentId() == null).toList()) {
                xml.writeStartElement("Code");
                code(xml, studyId, top);
                for (Theme child : themes.stream().filter(t -> top.id().equals(t.parentId())).toList()) {
                    xml.writeStartElement("Code");
                    code(xml, studyId, child);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void code(XMLStreamWriter xml, long studyId, Theme theme) throws XMLStreamException {
        xml.writeAttribute("guid", guid(studyId, theme.id()));
        xml.writeAttribute("name", theme.name());
        xml.writeAttribute("isCodable", "true");
        if (!theme.description().isEmpty()) {
            xml.writeStartElement("Description");
            xml.writeCharacters(theme.description());
            xml.writeEndElement();
        }
    }

    static String guid(long studyId, long themeId) {
        return UUID.nameUUIDFromBytes(("clusterlens-theme:" + studyId + ":" + themeId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A codebook CSV: a header naming its columns (name required), then one theme a line. */
    public static Read readCsv(byte[] file) {
        List<FieldError> errors = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(new String(file, StandardCharsets.UTF_8)).stream().filter(r -> !r.isBlank()).toList();
        } catch (Csv.SyntaxException e) {
            return new Read(List.of(), List.of(new FieldError("line " + e.line(), e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Read(List.of(), List.of(new FieldError("line 1", "The file is empty; the first line names the columns: "
                    + String.join(",", COLUMNS) + ".")));
        }
        Csv.Record header = records.getFirst();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.values().size(); i++) {
            String column = header.values().get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (column.equals("id")) {
                continue; // an export's own column: the ids of another study mean nothing here
            }
            if (!COLUMNS.contains(column)) {
                errors.add(new FieldError("line " + header.line() + ", column " + (i + 1), "“" + column
                        + "” is not a column of a codebook; the columns are " + String.join(", ", COLUMNS) + "."));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new FieldError("line " + header.line() + ", column " + column, "appears twice in the header"));
            }
        }
        if (!columns.containsKey("name")) {
            errors.add(new FieldError("line " + header.line() + ", column name", "is missing from the header"));
        }
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (record.values().size() != header.values().size()) {
                errors.add(new FieldError("line " + record.line(), "has " + record.values().size()
                        + " values; the header has " + header.values().size()));
                continue;
            }
            String origin = cell(record, columns, "origin");
            Theme.Origin parsed = Theme.Origin.hand;
            if (origin != null && !origin.isBlank()) {
                try {
                    parsed = Theme.Origin.valueOf(origin.strip());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("line " + record.line() + ", column origin", "hand or candidate"));
                }
            }
            rows.add(new Row(record.line(), unsafe(cell(record, columns, "name")), blankToNull(unsafe(cell(record, columns, "parent"))),
                    unsafe(cell(record, columns, "description")), unsafe(cell(record, columns, "query")), parsed));
        }
        return new Read(rows, errors);
    }

    /**
     * A REFI-QDA codebook. No DTD and no external entity is read: a codebook from elsewhere must
     * not make the server fetch or expand anything.
     */
    public static Read readQdc(byte[] file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        List<StringBuilder> descriptions = new ArrayList<>();
        List<Integer> openRows = new ArrayList<>();
        boolean inDescription = false;
        boolean sawCodeBook = false;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = xml.getLocalName();
                    int line = xml.getLocation().getLineNumber();
                    if (!sawCodeBook) {
                        if (!element.equals("CodeBook") || !QDC_NAMESPACE.equals(xml.getNamespaceURI())) {
                            return new Read(List.of(), List.of(new FieldError("line " + line,
                                    "A REFI-QDA codebook starts with <CodeBook xmlns=\"" + QDC_NAMESPACE + "\">.")));
                        }
                        sawCodeBook = true;
                    } else if (element.equals("Code")) {
                        String name = xml.getAttributeValue(null, "name");
                        if (parents.size() >= 2) {
                            errors.add(new FieldError("line " + line + ", Code", "“" + name
                                    + "” is a third level; the codebook has two levels."));
                        }
                        String parent = parents.isEmpty() ? null : parents.getLast();
                        rows.add(new Row(line, name, parent, null, null, Theme.Origin.hand));
                        openRows.add(rows.size() - 1);
                        parents.add(name);
                        descriptions.add(new StringBuilder());
                    } else if (element.equals("Description")) {
                        inDescription = true;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (inDescription && !descriptions.isEmpty()) {
                        descriptions.getLast().append(xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("Description")) {
                        inDescription = false;
                    } else if (xml.getLocalName().equals("Code") && !openRows.isEmpty()) {
                        int index = openRows.removeLast();
                        Row row = rows.get(index);
                        rows.set(index, new Row(row.line(), row.name(), row.parent(), descriptions.removeLast().toString(),
                                null, row.origin()));
                        parents.removeLast();
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            return new Read(List.of(), List.of(new FieldError("line " + line, "The file is not well-formed XML: "
                    + e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""))));
        }
        if (!sawCodeBook) {
            return new Read(List.of(), List.of(new FieldError("line 1", "The file holds no <CodeBook>.")));
        }
        return new Read(rows, errors);
    }

    private static String cell(Csv.Record record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null ? null : record.values().get(i);
    }

    /** What {@link #safe} added on export comes off again, so that a round trip keeps the text. */
    private static String unsafe(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<Theme> parentsFirst(List<Theme> themes) {
        List<Theme> ordered = new ArrayList<>(themes.stream().filter(t -> t.parentId() == null).toList());
        ordered.addAll(themes.stream().filter(t -> t.parentId() != null).toList());
        return ordered;
    }
}
