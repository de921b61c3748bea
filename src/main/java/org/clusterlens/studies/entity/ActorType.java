package org.clusterlens.studies.entity;

import java.util.Arrays;
import java.util.Optional;

/** Who an actor of the register is; each type answers its own questionnaire. */
public enum ActorType {
    firm, institution, other;

    public static Optional<ActorType> parse(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
