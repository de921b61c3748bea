package org.clusterlens.accounts.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a user may do. The string constants are what {@code @RolesAllowed} names. */
public enum Role {
    admin, agent, lead;

    public static final String ADMIN = "admin";
    public static final String AGENT = "agent";
    public static final String LEAD = "lead";

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
