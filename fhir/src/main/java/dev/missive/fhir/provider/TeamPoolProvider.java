package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import dev.missive.fhir.mapping.CommunicationMapper;
import dev.missive.fhir.mapping.References;
import dev.missive.thread.TeamPools;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Who holds a thread addressed to a team pool, as instance operations on its header
 * ({@code POST /Communication/{id}/$claim}). Each answers the thread as it now is.
 */
@ApplicationScoped
public class TeamPoolProvider {

    @EJB
    TeamPools pools;

    @Operation(name = "$claim", type = Communication.class)
    @Description(shortDefinition = "Take a team's thread: a member of the team it reached")
    public Communication claim(@IdParam IdType id) {
        return CommunicationMapper.toFhir(pools.claim(id.getIdPart()));
    }

    @Operation(name = "$release", type = Communication.class)
    @Description(shortDefinition = "Give a claimed thread back to its team: the member holding it, or a clinic admin")
    public Communication release(@IdParam IdType id) {
        return CommunicationMapper.toFhir(pools.release(id.getIdPart()));
    }

    @Operation(name = "$assign", type = Communication.class)
    @Description(shortDefinition = "Hand a team's thread to another member: a member or a clinic admin")
    public Communication assign(
            @IdParam IdType id, @OperationParam(name = "practitioner", min = 1, max = 1) Reference practitioner) {
        return CommunicationMapper.toFhir(
                pools.assign(id.getIdPart(), References.idOf(practitioner, "Practitioner", "practitioner")));
    }
}
