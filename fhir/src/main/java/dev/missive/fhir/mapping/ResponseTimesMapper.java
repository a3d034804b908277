package dev.missive.fhir.mapping;

import dev.missive.domain.Party;
import dev.missive.response.PractitionerResponseTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;

/** The response-time report as Parameters: the period, then one part per practitioner, times in seconds to the millisecond. */
public final class ResponseTimesMapper {

    private static final String UCUM = "http://unitsofmeasure.org";

    private ResponseTimesMapper() {}

    public static Parameters toFhir(Instant from, Instant to, List<PractitionerResponseTimes> report) {
        Parameters parameters = new Parameters();
        parameters.addParameter("start", new DateTimeType(Date.from(from)));
        parameters.addParameter("end", new DateTimeType(Date.from(to)));
        for (PractitionerResponseTimes times : report) {
            Parameters.ParametersParameterComponent entry =
                    parameters.addParameter().setName("practitioner");
            entry.addPart().setName("practitioner").setValue(References.to(Party.practitioner(times.practitionerId())));
            entry.addPart().setName("replies").setValue(new IntegerType(times.replies()));
            entry.addPart().setName("median").setValue(seconds(times.median()));
            entry.addPart().setName("p90").setValue(seconds(times.p90()));
        }
        return parameters;
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
