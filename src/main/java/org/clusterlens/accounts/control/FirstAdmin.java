package org.clusterlens.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.clusterlens.accounts.entity.Role;
import org.clusterlens.platform.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure somebody can log in: on a database without an admin, creates one from
 * CLUSTERLENS_ADMIN_EMAIL / CLUSTERLENS_ADMIN_PASSWORD, or with a random password printed once.
 * There is no default password anywhere.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class FirstAdmin {
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    static final String DEFAULT_EMAIL = "admin@clusterlens.local";

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = Settings.ADMIN_EMAIL)
    Optional<String> email;

    @Inject
    @ConfigProperty(name = Settings.ADMIN_PASSWORD)
    Optional<String> password;

    @PostConstruct
    void ensureAdmin() {
        if (accounts.anyAdmin()) {
            return;
        }
        String login = email.filter(e -> !e.isBlank()).orElse(DEFAULT_EMAIL);
        Optional<String> given = password.filter(p -> !p.isBlank());
        given.flatMap(p -> PasswordPolicy.refusal(p, login, "Administrator")).ifPresent(why -> {
            throw new IllegalStateException("CLUSTERLENS_ADMIN_PASSWORD cannot be used: " + why);
        });
        String secret = given.orElseGet(() -> Passwords.generate(20));
        accounts.create("system", login, "Administrator", secret, EnumSet.of(Role.admin));
        if (given.isPresent()) {
            LOG.info(() -> "Created the first admin " + login + " with the password from " + Settings.ADMIN_PASSWORD);
        } else {
            // printed once: the hash is all that is stored
            LOG.warning(() -> "\n\n  ClusterLens: first admin created.\n    email:    " + login
                    + "\n    password: " + secret + "\n  Log in and change it; it will not be shown again.\n");
        }
    }
}
