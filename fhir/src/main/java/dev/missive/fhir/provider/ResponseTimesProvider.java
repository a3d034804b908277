package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.mapping.ResponseTimesMapper;
import dev.missive.response.ResponseTimes;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;

/**
 * {@code GET /$response-times?start=…&end=…}: each practitioner's median and 90th percentile
 * time to a first reply, for the replies sent in the period. Clinic admins only.
 */
@ApplicationScoped
public class ResponseTimesProvider {

    @EJB
    ResponseTimes responseTimes;

    @Operation(name = "$response-times", idempotent = true)
    public Parameters report(
            @OperationParam(name = "start", min = 1, max = 1) DateTimeType start,
            @OperationParam(name = "end", min = 1, max = 1) DateTimeType end) {
        Instant from = instant(start, "start");
        Instant to = instant(end, "end");
        return ResponseTimesMapper.toFhir(
                from, to, responseTimes.byPractitioner(from, to), responseTimes.byPool(from, to));
    }

    private static Instant instant(DateTimeType value, String name) {
        if (value == null || value.getValue() == null) {
            throw new InvalidRequestException(name + " is required: a date or a date and time");
        }
        return value.getValue().toInstant();
    }
}
