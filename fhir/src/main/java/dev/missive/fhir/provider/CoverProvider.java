package dev.missive.fhir.provider;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import dev.missive.cover.CoverService;
import dev.missive.fhir.mapping.CoverMapper;
import dev.missive.fhir.mapping.References;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/**
 * A practitioner's cover while away, for the practitioner themselves and clinic admins:
 * {@code GET $cover} reads it, {@code POST $set-cover} records it (start, end, cover),
 * {@code POST $clear-cover} ends it. Each answers the absence as it stands, as Parameters.
 */
@ApplicationScoped
public class CoverProvider {

    @EJB
    CoverService covers;

    @Operation(name = "$cover", type = Practitioner.class, idempotent = true)
    @Description(shortDefinition = "The practitioner's absence and cover, running or to come")
    public Parameters cover(@IdParam IdType practitioner) {
        return CoverMapper.toParameters(covers.cover(practitioner.getIdPart()));
    }

    @Operation(name = "$set-cover", type = Practitioner.class)
    @Description(shortDefinition = "Records the practitioner's absence and the colleague who covers it")
    public Parameters setCover(
            @IdParam IdType practitioner,
            @OperationParam(name = "start", max = 1) InstantType start,
            @OperationParam(name = "end", min = 1, max = 1) InstantType end,
            @OperationParam(name = "cover", min = 1, max = 1) Reference cover) {
        return CoverMapper.toParameters(Optional.of(covers.setCover(
                practitioner.getIdPart(),
                start == null || start.getValue() == null
                        ? null
                        : start.getValue().toInstant(),
                end == null || end.getValue() == null ? null : end.getValue().toInstant(),
                References.idOf(cover, "Practitioner", "cover"))));
    }

    @Operation(name = "$clear-cover", type = Practitioner.class)
    @Description(shortDefinition = "Ends the practitioner's absence: new messages reach them again")
    public Parameters clearCover(@IdParam IdType practitioner) {
        covers.clearCover(practitioner.getIdPart());
        return CoverMapper.toParameters(Optional.empty());
    }
}
