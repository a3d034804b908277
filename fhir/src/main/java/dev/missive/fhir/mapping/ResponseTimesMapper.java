package dev.missive.fhir.mapping;

import dev.missive.domain.Party;
import dev.missive.response.PractitionerResponseTimes;
import dev.missive.response.TeamResponseTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * The response-time report as Parameters: the period, then one part per practitioner and one per
 * team pool, times in seconds to the millisecond.
 */
public final class ResponseTimesMapper {

    private static final String UCUM = "http://unitsofmeasure.org";

    private ResponseTimesMapper() {}

    public static Parameters toFhir(
            Instant from, Instant to, List<PractitionerResponseTimes> report, List<TeamResponseTimes> pools) {
        Parameters parameters = new Parameters();
        parameters.addParameter("start", new DateTimeType(Date.from(from)));
        parameters.addParameter("end", new DateTimeType(Date.from(to)));
        for (PractitionerResponseTimes times : report) {
            Parameters.ParametersParameterComponent entry =
                    parameters.addParameter().setName("practitioner");
            entry.addPart().setName("practitioner").setValue(References.to(Party.practitioner(times.practitionerId())));
            figures(entry, times.replies(), times.median(), times.p90());
        }
        for (TeamResponseTimes times : pools) {
            Parameters.ParametersParameterComponent entry =
                    parameters.addParameter().setName("pool");
            entry.addPart().setName("pool").setValue(new Reference("CareTeam/" + times.poolId()));
            figures(entry, times.replies(), times.median(), times.p90());
        }
        return parameters;
    }

    private static void figures(
            Parameters.ParametersParameterComponent entry, int replies, Duration median, Duration p90) {
        entry.addPart().setName("replies").setValue(new IntegerType(replies));
        entry.addPart().setName("median").setValue(seconds(median));
        entry.addPart().setName("p90").setValue(seconds(p90));
    }

    private static org.hl7.fhir.r4.model.Duration seconds(Duration duration) {
        org.hl7.fhir.r4.model.Duration value = new org.hl7.fhir.r4.model.Duration();
        value.setValue(BigDecimal.valueOf(duration.toMillis(), 3))
                .setUnit("s")
                .setSystem(UCUM)
                .setCode("s");
        return value;
    }
}
