package org.clusterlens.accounts.control;

import org.clusterlens.accounts.entity.Role;
import org.clusterlens.accounts.entity.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminTest {

    /** Records what would have been stored, without a database. */
    static class RecordingAccounts extends Accounts {
        final List<String[]> created = new ArrayList<>();
        boolean adminExists;

        @Override
        public boolean anyAdmin() {
            return adminExists;
        }

        @Override
        public User create(String actor, String email, String displayName, String password, Set<Role> roles) {
            created.add(new String[]{email, password, roles.toString()});
            return null;
        }
    }

    private static List<String> logged(Runnable action) {
        List<String> messages = new ArrayList<>();
        Logger logger = Logger.getLogger(FirstAdmin.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return messages;
    }

    private static FirstAdmin firstAdmin(RecordingAccounts accounts, String email, String password) {
        FirstAdmin first = new FirstAdmin();
        first.accounts = accounts;
        first.email = Optional.ofNullable(email);
        first.password = Optional.ofNullable(password);
        return first;
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsGeneratedAndShownOnce() {
        RecordingAccounts one = new RecordingAccounts();
        RecordingAccounts two = new RecordingAccounts();
        List<String> log = logged(() -> firstAdmin(one, null, null).ensureAdmin());
        firstAdmin(two, null, null).ensureAdmin();

        String password = one.created.getFirst()[1];
        assertEquals(20, password.length());
        assertNotEquals(password, two.created.getFirst()[1], "no fixed default password");
        assertEquals("[admin]", one.created.getFirst()[2]);
        assertTrue(log.stream().anyMatch(m -> m.contains(password)), "the admin is told the password");
    }

    @Test
    void configuredCredentialsAreUsedAndTheirPasswordIsNeverLogged() {
        RecordingAccounts accounts = new RecordingAccounts();
        List<String> log = logged(() -> firstAdmin(accounts, "lead@cluster.example", "from the environment").ensureAdmin());
        assertEquals("lead@cluster.example", accounts.created.getFirst()[0]);
        assertEquals("from the environment", accounts.created.getFirst()[1]);
        assertTrue(log.stream().noneMatch(m -> m.contains("from the environment")));
    }

    @Test
    void nothingHappensWhenAnAdminExists() {
        RecordingAccounts accounts = new RecordingAccounts();
        accounts.adminExists = true;
        firstAdmin(accounts, null, null).ensureAdmin();
        assertTrue(accounts.created.isEmpty());
    }

    @Test
    void aShortConfiguredPasswordStopsTheStartRatherThanCreatingAWeakAdmin() {
        RecordingAccounts accounts = new RecordingAccounts();
        assertThrows(IllegalStateException.class, () -> firstAdmin(accounts, null, "short").ensureAdmin());
        assertTrue(accounts.created.isEmpty());
    }

    @Test
    void aCommonConfiguredPasswordStopsTheStart() {
        RecordingAccounts accounts = new RecordingAccounts();
        var refused = assertThrows(IllegalStateException.class,
                () -> firstAdmin(accounts, null, "Administrator1").ensureAdmin());
        assertTrue(refused.getMessage().contains("common"), refused.getMessage());
        assertTrue(accounts.created.isEmpty());
    }
}
