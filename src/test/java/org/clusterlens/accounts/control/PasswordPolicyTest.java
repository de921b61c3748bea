package org.clusterlens.accounts.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {
    private static Optional<String> refusal(String password) {
        return PasswordPolicy.refusal(password, "amina.diallo@cluster.example", "Amina Diallo");
    }

    @Test
    void theListHoldsThousandsOfLongCommonPasswords() {
        assertTrue(PasswordPolicy.listSize() > 2000, "entries: " + PasswordPolicy.listSize());
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[]{"password1234", "Password1234", "QWERTYUIOP12", "qwertyuiop123",
                "iloveyou1234", "P@ssw0rd1234", "123456789012", "1qaz2wsx3edc", "letmein12345", "Welcome123!@#",
                "correcthorsebatterystaple", "ILoveYou2024!", " password1234 "}) {
            assertTrue(refusal(common).orElse("").contains("common"), common + " -> " + refusal(common));
        }
    }

    @Test
    void theUsersOwnEmailOrNameIsRefused() {
        assertTrue(refusal("amina.diallo@cluster.example").isPresent());
        assertTrue(refusal("AMINA.DIALLO@cluster.example").isPresent());
        assertTrue(refusal("amina.diallo").isPresent(), "the part before the @ is no better");
        assertTrue(refusal("Amina Diallo").isPresent());
        assertTrue(refusal("aminadiallo").isPresent());
        assertEquals(Optional.of("The password must not be your email or your name."), refusal("amina_diallo"));
    }

    @Test
    void oneCharacterOrAShortPatternRepeatedIsRefused() {
        assertTrue(refusal("aaaaaaaaaaaaaaa").isPresent());
        assertTrue(refusal("ééééééééééééé").isPresent());
        assertTrue(refusal("xyzxyzxyzxyzxyz").isPresent());
        assertTrue(refusal("ab12ab12ab12ab12").isEmpty(), "a four-character unit is left to the list");
    }

    @Test
    void shortPasswordsAreRefusedCountingCharactersNotCodeUnits() {
        assertTrue(refusal("k7#Lq9").orElse("").contains("12"));
        assertTrue(refusal("🌍🌍🌍🌍🌍🌍").isPresent(), "six emoji are six characters, not twelve");
        assertTrue(refusal(null).isPresent());
    }

    @Test
    void ordinaryLongPasswordsAreAccepted() {
        assertEquals(Optional.empty(), refusal("a long enough password ✓"));
        assertEquals(Optional.empty(), refusal("mangoes ripen slowly in Dakar"));
        assertEquals(Optional.empty(), refusal("Tr7#kq-Lm2!vZ"));
    }
}
