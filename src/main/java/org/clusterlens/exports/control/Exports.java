package org.clusterlens.exports.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.clusterlens.accounts.control.AuditLog;
import org.clusterlens.accounts.entity.AuditEntry;
import org.clusterlens.forms.control.Question;
import org.clusterlens.forms.control.TemplateModel;
import org.clusterlens.forms.control.Templates;
import org.clusterlens.forms.entity.TemplateVersion;
import org.clusterlens.platform.Database;
import org.clusterlens.responses.control.AnswerDisclosure;
import org.clusterlens.responses.entity.Response;
import org.clusterlens.studies.control.Studies;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.StudyTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A wave's submitted responses as a file, streamed: the layout comes from the template versions
 * (a few rows), the responses from one forward-only query read a few hundred rows at a time, so
 * memory stays flat at any size, and a client that goes away ends the query at the next write.
 */
@ApplicationScoped
public class Exports {
    private static final Logger LOG = Logger.getLogger(Exports.class.getName());
    private static final int FETCH_SIZE = 200;
    private static final String RESPONSES = "SELECT r.id, r.actor_id, a.external_id, a.name, a.type, r.submitted_at,"
            + " r.language, r.template_version_id, r.answers FROM response r JOIN actor a ON a.id = r.actor_id"
            + " WHERE r.wave_id = ? AND r.status = ? ORDER BY r.id";

    @PersistenceContext
    EntityManager em;

    @Inject
    Studies studies;

    @Inject
    AuditLog audit;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());

    /** What is needed to write one export once the request has been checked. */
    public record Export(ExportFiles files, ExportFiles.ResponseSource source) {
        public void writeTo(OutputStream out) throws IOException {
            files.write(source, out);
        }
    }

    /** Checks the wave and the options and lays out the tables; the rows are read when written. */
    @Transactional
    public Export prepare(long studyId, long waveId, ExportOptions options, Viewer viewer) {
        studies.wave(studyId, waveId);
        Map<Long, TemplateVersion> versions = versions(studyId, waveId);
        AnswerDisclosure disclosure = new AnswerDisclosure(viewer);
        List<ExportLayout.Version> layoutVersions = new ArrayList<>();
        Set<String> withheld = new HashSet<>();
        Map<Long, ExportLayout.Version> byId = new HashMap<>();
        versions.values().stream()
                .sorted(Comparator.comparing(TemplateVersion::templateId).thenComparing(TemplateVersion::versionNumber))
                .forEach(v -> {
                    TemplateModel model = TemplateModel.from(Templates.document(v));
                    ExportLayout.Version version = new ExportLayout.Version(v.templateId(), v.versionNumber(), model);
                    layoutVersions.add(version);
                    byId.put(v.id(), version);
                    for (Question q : model.questions()) {
                        if (disclosure.withholds(v, q.name())) {
                            withheld.add(q.name());
                        }
                    }
                });
        Map<Long, String> names = viewer.identified() ? actorNames(studyId) : Map.of();
        ExportLayout layout = ExportLayout.of(layoutVersions, options, withheld, viewer.identified(),
                new ExportLayout.Register() {
                    @Override
                    public String pseudonym(long actorId) {
                        return viewer.pseudonym(actorId);
                    }

                    @Override
                    public String name(long actorId) {
                        return names.get(actorId);
                    }
                });
        audit.record(viewer.caller(), AuditEntry.Action.EXPORTED, "wave", String.valueOf(waveId),
                options.format().extension() + (viewer.identified() ? ", identified" : ", pseudonymised"));
        return new Export(new ExportFiles(layout, options),
                consumer -> stream(waveId, viewer, disclosure, versions, byId, consumer));
    }

    /** The versions the wave's responses answered, and those the study asks today. */
    private Map<Long, TemplateVersion> versions(long studyId, long waveId) {
        Map<Long, TemplateVersion> versions = new LinkedHashMap<>();
        // the ids alone: joining the versions' content onto every response costs seconds per 10,000
        List<?> ids = em.createNativeQuery("SELECT DISTINCT template_version_id FROM response"
                        + " WHERE wave_id = ? AND status = ?")
                .setParameter(1, waveId).setParameter(2, Response.Status.SUBMITTED.name()).getResultList();
        for (Object id : ids) {
            TemplateVersion version = em.find(TemplateVersion.class, ((Number) id).longValue());
            versions.put(version.id(), version);
        }
        studies.find(studyId).templates().stream().map(StudyTemplate::templateVersion)
                .forEach(v -> versions.putIfAbsent(v.id(), v));
        return versions;
    }

    private Map<Long, String> actorNames(long studyId) {
        Map<Long, String> names = new HashMap<>();
        em.createQuery("SELECT a.id, a.name FROM Actor a WHERE a.study.id = :study", Object[].class)
                .setParameter("study", studyId).getResultList()
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    private void stream(long waveId, Viewer viewer, AnswerDisclosure disclosure, Map<Long, TemplateVersion> versions,
                        Map<Long, ExportLayout.Version> layoutVersions, ExportFiles.ResponseConsumer consumer)
            throws IOException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL reads a result in pieces only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement(RESPONSES, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                query.setFetchSize(FETCH_SIZE);
                query.setLong(1, waveId);
                query.setString(2, Response.Status.SUBMITTED.name());
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        consumer.accept(response(result, viewer, disclosure, versions, layoutVersions));
                        rows++;
                    }
                }
            } catch (IOException gone) {
                LOG.info(() -> "export of wave " + waveId + " stopped: " + gone.getMessage());
                throw gone;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("export of wave " + waveId + " failed after " + rows + " responses", e);
        }
    }

    private ExportedResponse response(ResultSet row, Viewer viewer, AnswerDisclosure disclosure,
                                      Map<Long, TemplateVersion> versions,
                                      Map<Long, ExportLayout.Version> layoutVersions) throws SQLException {
        long actorId = row.getLong(2);
        long versionId = row.getLong(8);
        TemplateVersion version = versions.get(versionId);
        ExportLayout.Version layoutVersion = layoutVersions.get(versionId);
        JsonObject answers;
        try (JsonReader reader = readers.createReader(new StringReader(row.getString(9)))) {
            answers = disclosure.answers(reader.readObject(), version);
        }
        OffsetDateTime submitted = row.getObject(6, OffsetDateTime.class);
        boolean identified = viewer.identified();
        return new ExportedResponse(row.getLong(1), viewer.pseudonym(actorId),
                identified ? row.getString(3) : null, identified ? row.getString(4) : null, row.getString(5),
                submitted == null ? null : submitted.toInstant(), row.getString(7), layoutVersion, answers);
    }
}
