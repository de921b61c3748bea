package org.clusterlens.studies.boundary;

import org.clusterlens.accounts.entity.Role;
import org.clusterlens.studies.control.Invitations;
import org.clusterlens.studies.control.Viewer;
import org.clusterlens.studies.entity.Actor;
import org.clusterlens.studies.entity.Invitation;
import org.clusterlens.studies.entity.RegisteredVia;
import org.clusterlens.studies.entity.Study;
import org.clusterlens.studies.entity.StudyTemplate;
import org.clusterlens.studies.entity.Wave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The wire shapes of the studies API. */
public final class Views {
    private Views() {
    }

    /** {@code myRole}: the caller's place in the study, {@code admin}, {@code agent} or {@code lead}. */
    public record StudyView(long id, String name, String product, String place, List<String> languages,
                            String defaultLanguage, int k, String createdBy, Instant createdAt,
                            List<WaveView> waves, List<TemplateAssignment> templates, OpenLink openLink,
                            String myRole, boolean leadsSeeIdentities, boolean strangersSeeRegister) {
        public static StudyView of(Study s, Role myRole) {
            return new StudyView(s.id(), s.name(), s.product(), s.place(), s.languages(), s.defaultLanguage(), s.k(),
                    s.createdBy(), s.createdAt(), s.waves().stream().map(WaveView::of).toList(),
                    s.templates().stream().map(TemplateAssignment::of).toList(),
                    new OpenLink(s.hasOpenLink(), s.openActorType() == null ? null : s.openActorType().name()),
                    myRole == null ? null : myRole.name(), s.leadsSeeIdentities(), s.strangersSeeRegister());
        }
    }

    /** {@code collecting} today: not_yet, open or closed (links take answers only while open). */
    public record WaveView(long id, String name, LocalDate opensOn, LocalDate closesOn, String collecting) {
        public static WaveView of(Wave w) {
            return new WaveView(w.id(), w.name(), w.opensOn(), w.closesOn(),
                    w.collectingOn(LocalDate.now()).json());
        }
    }

    public record TemplateAssignment(String actorType, String templateId, int version, String title) {
        static TemplateAssignment of(StudyTemplate t) {
            return new TemplateAssignment(t.actorType().name(), t.templateVersion().templateId(),
                    t.templateVersion().versionNumber(), t.templateVersion().title());
        }
    }

    public record OpenLink(boolean enabled, String actorType) {
    }

    /**
     * {@code verified} is false for an actor that registered itself through the open link: its name
     * is what a stranger typed. Email and phone only for viewers who see identities.
     */
    public record ActorView(long id, String externalId, String name, String type, String sector, String sizeBand,
                            String location, String email, String phone, String registeredVia, boolean verified) {
        public static ActorView of(Actor a, Viewer viewer) {
            boolean contact = viewer.identified();
            return new ActorView(a.id(), a.externalId(), a.name(), a.type().name(), a.sector(), a.sizeBand(),
                    a.location(), contact ? a.email() : null, contact ? a.phone() : null, a.registeredVia().name(),
                    a.registeredVia() != RegisteredVia.open_link);
        }
    }

    /**
     * {@code link} only when the invitation was just made or reissued: the token is not kept.
     * {@code emailStatus}: queued, sent or failed (with {@code emailError}); left out when no email was asked for.
     */
    public record InvitationView(long invitationId, long actorId, String actorName, String actorType, String status,
                                 String link, String emailStatus, String emailError, Instant lastSentAt) {
        public static InvitationView of(Invitations.Issued issued) {
            Invitation i = issued.invitation();
            return new InvitationView(i.id(), i.actor().id(), i.actor().name(), i.actor().type().name(),
                    i.status().json(), issued.token().map(t -> t.link()).orElse(null),
                    i.emailStatus() == null ? null : i.emailStatus().json(), i.emailError(),
                    i.lastSentAt());
        }

        public static InvitationView of(Invitation i) {
            return of(new Invitations.Issued(i, Optional.empty()));
        }
    }
}
