package org.clusterlens.themes.control.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.lucene.document.Document;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry.Action;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.studies.entity.Wave;
import org.clusterlens.themes.control.AnswerDocuments;
import org.clusterlens.themes.control.AnswerKey;
import org.clusterlens.themes.control.LanguageAnalysis;
import org.clusterlens.themes.entity.HandCode;
import org.clusterlens.themes.entity.Theme;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coded answers as CSV: one line per answer and theme, saying whether the theme's query or a
 * person put it there. As in the exports, every text cell is quoted and one that starts like a
 * formula is neutralised; leads get pseudonyms, no actor columns and no answer to a pii question.
 */
@ApplicationScoped
@Transactional
public class CodedAnswersFile {
    @PersistenceContext
    EntityManager em;

    @Inject
    Codebook codebook;

    @Inject
    CodedAnswers coded;

    @Inject
    AuditLog audit;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC)
            .setRecordSeparator("\r\n").get();

    public void write(Viewer viewer, OutputStream out) {
        List<Theme> themes = codebook.themes(viewer.studyId());
        Map<Long, Theme> byId = themes.stream().collect(Collectors.toMap(Theme::id, Function.identity()));
        List<HandCode> codes = codebook.codes(themes.stream().map(Theme::id).toList());
        Set<String> handIn = new HashSet<>();
        codes.stream().filter(HandCode::codedIn).forEach(c -> handIn.add(c.themeId() + " " + c.answerKey()));
        Map<Long, String> waves = em.find(Study.class, viewer.studyId()).waves().stream()
                .collect(Collectors.toMap(Wave::id, Wave::name));
        Map<Long, Actor> actors = viewer.identified() ? actors(viewer.studyId()) : Map.of();
        List<String> header = new ArrayList<>(List.of("theme_id", "theme", "parent_theme", "coded_by", "answer_key",
                "response_id", "wave_id", "wave", "question", "pointer", "language", "actor_type", "sector",
                "size_band", "pseudonym"));
        if (viewer.identified()) {
            header.addAll(List.of("actor_id", "actor_external_id", "actor_name"));
        }
        header.add("answer");
        audit.record(viewer.caller(), Action.EXPORTED, "study", String.valueOf(viewer.studyId()),
                "coded answers of " + themes.size() + " theme(s) as CSV");
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, FORMAT);
            csv.printRecord(header);
            coded.eachCoded(viewer.studyId(), coded.memberships(viewer.studyId(), themes, codes), viewer.identified(),
                    (themeId, doc) -> csv.printRecord(row(byId.get(themeId), byId, doc, handIn, waves, actors,
                            viewer.identified())));
            csv.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(Theme theme, Map<Long, Theme> themes, Document doc, Set<String> handIn,
                                    Map<Long, String> waves, Map<Long, Actor> actors, boolean identified) {
        long responseId = Long.parseLong(doc.get(AnswerDocuments.RESPONSE));
        String key = new AnswerKey(responseId, doc.get(AnswerDocuments.POINTER)).toString();
        long waveId = Long.parseLong(doc.get(AnswerDocuments.WAVE));
        Theme parent = theme.parentId() == null ? null : themes.get(theme.parentId());
        List<Object> row = new ArrayList<>();
        row.add(theme.id());
        row.add(text(theme.name()));
        row.add(parent == null ? null : text(parent.name()));
        row.add(handIn.contains(theme.id() + " " + key) ? "hand" : "query");
        row.add(key);
        row.add(responseId);
        row.add(waveId);
        row.add(text(waves.get(waveId)));
        row.add(text(doc.get(AnswerDocuments.QUESTION)));
        row.add(doc.get(AnswerDocuments.POINTER));
        row.add(text(doc.get(AnswerDocuments.LANGUAGE)));
        row.add(text(doc.get(AnswerDocuments.ACTOR_TYPE)));
        row.add(text(doc.get(AnswerDocuments.SECTOR)));
        row.add(text(doc.get(AnswerDocuments.SIZE_BAND)));
        row.add(text(doc.get(AnswerDocuments.PSEUDONYM)));
        if (identified) {
            Actor actor = actors.get(doc.getField(AnswerDocuments.ACTOR).numericValue().longValue());
            row.add(actor == null ? null : actor.id());
            row.add(actor == null ? null : text(actor.externalId()));
            row.add(actor == null ? null : text(actor.name()));
        }
        row.add(text(doc.get(LanguageAnalysis.textField(doc.get(AnswerDocuments.LANGUAGE)))));
        return row;
    }

    private static String text(String value) {
        return value == null ? null : CodebookFile.safe(value);
    }

    private Map<Long, Actor> actors(long studyId) {
        Map<Long, Actor> actors = new HashMap<>();
        em.createQuery("SELECT a FROM Actor a WHERE a.study.id = :study", Actor.class).setParameter("study", studyId)
                .getResultStream().forEach(a -> actors.put(a.id(), a));
        return actors;
    }
}
