package dev.missive.fhir.smart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmartScopeTest {

    private static final Set<ScopeContext> PATIENT = EnumSet.of(ScopeContext.PATIENT, ScopeContext.USER);
    private static final Set<ScopeContext> PRACTITIONER = EnumSet.of(ScopeContext.USER);

    @Test
    void v2LettersGrantExactlyThoseInteractions() {
        SmartScope scope = SmartScope.parse("patient/Communication.rs").orElseThrow();
        assertEquals(ScopeContext.PATIENT, scope.context());
        assertTrue(scope.covers("Communication", Interaction.READ));
        assertTrue(scope.covers("Communication", Interaction.SEARCH));
        assertFalse(scope.covers("Communication", Interaction.CREATE));
        assertFalse(scope.covers("Patient", Interaction.READ));
        assertEquals(
                EnumSet.allOf(Interaction.class),
                SmartScope.parse("user/*.cruds").orElseThrow().interactions());
        assertTrue(SmartScope.parse("user/*.cruds").orElseThrow().covers("Binary", Interaction.DELETE));
    }

    @Test
    void v1ReadWriteAndStarAreTheirV2Equivalents() {
        assertEquals(
                EnumSet.of(Interaction.READ, Interaction.SEARCH),
                SmartScope.parse("patient/Communication.read").orElseThrow().interactions());
        assertEquals(
                EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE),
                SmartScope.parse("user/*.write").orElseThrow().interactions());
        assertEquals(
                EnumSet.allOf(Interaction.class),
                SmartScope.parse("system/*.*").orElseThrow().interactions());
    }

    @Test
    void whatIsNotAResourceScopeGrantsNothing() {
        for (String text : List.of(
                "openid",
                "profile",
                "fhirUser",
                "launch/patient",
                "patient/Communication.sr", // letters out of order
                "patient/Communication.rs?category=urgent", // a narrowing ignored would widen
                "clinic/Communication.rs",
                "patient/communication.rs",
                "patient/Communication.x")) {
            assertEquals(Optional.empty(), SmartScope.parse(text), text);
        }
    }

    @Test
    void aScopeCountsOnlyForACallerWhoseRoleFitsItsContext() {
        assertTrue(
                new GrantedScopes("openid patient/Communication.rs", PATIENT).allow("Communication", Interaction.READ));
        assertFalse(new GrantedScopes("openid patient/Communication.rs", PRACTITIONER)
                .allow("Communication", Interaction.READ));
        assertFalse(new GrantedScopes("system/*.cruds", PRACTITIONER).allow("Communication", Interaction.READ));
        assertFalse(new GrantedScopes("openid profile", PATIENT).allow("Communication", Interaction.READ));
        assertFalse(new GrantedScopes("", PATIENT).allow("Communication", Interaction.READ));
    }

    @Test
    void aRefusalNamesTheScopesThatWouldAllowIt() {
        assertEquals(
                "patient/Communication.c or user/Communication.c",
                new GrantedScopes("patient/Communication.rs", PATIENT).needed("Communication", Interaction.CREATE));
    }
}
