package dev.missive.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.missive.domain.Party;
import dev.missive.domain.PartyType;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who the audit trail records for a caller, and for which patient a proxy acted. */
class AuditAgentTest {

    private static final Caller GINA = new Caller(
            "gina", EnumSet.of(Role.PROXY), Optional.empty(), Map.of("ben", "gina-for-ben", "chloe", "gina-for-chloe"));

    @Test
    void aProxyActsForThePatientTheResourceIsAbout() {
        AuditAgent agent = DefaultAuditService.agentOf(GINA, Set.of("chloe", "someone-else"));
        assertEquals("chloe", agent.onBehalfOf());
        assertEquals(new Party(PartyType.RELATED_PERSON, "gina-for-chloe"), agent.party());
        assertEquals("proxy", agent.roles());
    }

    @Test
    void aProxyOfTwoWithNothingToTellThemApartActsForNobodyKnown() {
        AuditAgent agent = DefaultAuditService.agentOf(GINA, Set.of());
        assertNull(agent.onBehalfOf());
        assertNull(agent.party());
        assertEquals("gina", agent.username());
    }

    @Test
    void aProxyOfOneActsForThatOne() {
        Caller proxy = new Caller("pat", EnumSet.of(Role.PROXY), Optional.empty(), Map.of("ben", "pat-for-ben"));
        assertEquals("ben", DefaultAuditService.agentOf(proxy, Set.of()).onBehalfOf());
    }

    @Test
    void peopleAreTheirPartyAndAccountsWithoutOneAreTheirNameAndRoles() {
        Caller drlee = new Caller(
                "drlee", EnumSet.of(Role.PRACTITIONER, Role.CLINIC_ADMIN), Optional.of(Party.practitioner("drlee")));
        AuditAgent agent = DefaultAuditService.agentOf(drlee, Set.of("alice"));
        assertEquals(Party.practitioner("drlee"), agent.party());
        assertEquals("clinic-admin,practitioner", agent.roles());
        assertNull(agent.onBehalfOf(), "only proxies act on someone's behalf");

        Caller engine =
                new Caller("service-account-integration-engine", EnumSet.of(Role.INTEGRATION), Optional.empty());
        assertNull(DefaultAuditService.agentOf(engine, Set.of()).party());
    }
}
