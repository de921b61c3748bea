package org.clusterlens.studies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.clusterlens.platform.Settings;
import org.clusterlens.studies.entity.Invitation;
import org.clusterlens.studies.entity.Study;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The invitation email, in the study's default language, carrying the respondent's link. */
@ApplicationScoped
public class InvitationMail {
    private static final Logger LOG = Logger.getLogger(InvitationMail.class.getName());

    @Inject
    @ConfigProperty(name = Settings.MAIL_HOST)
    Optional<String> host;

    @Inject
    @ConfigProperty(name = Settings.MAIL_PORT, defaultValue = Settings.MAIL_PORT_DEFAULT)
    int port;

    @Inject
    @ConfigProperty(name = Settings.MAIL_FROM, defaultValue = Settings.MAIL_FROM_DEFAULT)
    String from;

    @Inject
    @ConfigProperty(name = Settings.MAIL_USER)
    Optional<String> user;

    @Inject
    @ConfigProperty(name = Settings.MAIL_PASSWORD)
    Optional<String> password;

    @Inject
    @ConfigProperty(name = Settings.MAIL_STARTTLS, defaultValue = Settings.MAIL_STARTTLS_DEFAULT)
    boolean starttls;

    @Inject
    @ConfigProperty(name = Settings.MAIL_TIMEOUT, defaultValue = Settings.MAIL_TIMEOUT_DEFAULT)
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = Settings.PUBLIC_URL, defaultValue = Settings.PUBLIC_URL_DEFAULT)
    String publicUrl;

    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /**
     * Sends the invitation to the actor's address; the reason when the mail server refused it or
     * could not be reached. Mail must be set up and the actor must have an address.
     */
    public Optional<String> send(Invitation invitation, InvitationToken token) {
        String to = invitation.actor().email();
        if (!enabled() || to == null) {
            throw new IllegalStateException("no mail server or no address for invitation " + invitation.id());
        }
        Study study = invitation.wave().study();
        String link = publicUrl.replaceAll("/+$", "") + token.link();
        boolean french = "fr".equals(study.defaultLanguage());
        String subject = french ? "Invitation : " + study.name() : "Invitation: " + study.name();
        String body = french ? """
                Bonjour %s,

                Vous êtes invité(e) à répondre au questionnaire « %s » (%s).
                Votre lien personnel, à ne pas transmettre :

                %s

                Vos réponses sont enregistrées au fur et à mesure : vous pouvez revenir plus tard par le même lien.
                Merci de votre participation.
                """.formatted(invitation.actor().name(), study.name(), invitation.wave().name(), link) : """
                Hello %s,

                You are invited to answer the questionnaire "%s" (%s).
                Your personal link, please do not share it:

                %s

                Your answers are saved as you go: you can come back later through the same link.
                Thank you for taking part.
                """.formatted(invitation.actor().name(), study.name(), invitation.wave().name(), link);
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
            return Optional.empty();
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "Could not email invitation " + invitation.id() + ": " + e.getMessage(), e);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Optional.of("the mail server did not take it: "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
        }
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host.orElseThrow());
        props.put("mail.smtp.port", String.valueOf(port));
        String millis = String.valueOf(timeoutSeconds * 1000L);
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        props.put("mail.smtp.starttls.required", String.valueOf(starttls));
        if (user.filter(u -> !u.isBlank()).isPresent()) {
            props.put("mail.smtp.auth", "true");
            return Session.getInstance(props, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            });
        }
        return Session.getInstance(props);
    }
}
