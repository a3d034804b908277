package dev.missive.fhir.mapping;

import dev.missive.cover.Absence;
import dev.missive.directory.Practitioner;
import dev.missive.domain.Party;
import dev.missive.eligibility.AwayNotice;
import dev.missive.fhir.MissiveFhir;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/** A practitioner's absence and cover: as the Parameters of the cover operations, and as the notice patients see. */
public final class CoverMapper {

    private CoverMapper() {}

    /** {@code start}, {@code end} and {@code cover}; no parameters when there is no absence. */
    public static Parameters toParameters(Optional<Absence> absence) {
        Parameters parameters = new Parameters();
        absence.ifPresent(away -> {
            parameters.addParameter().setName("start").setValue(new InstantType(Date.from(away.getStart())));
            parameters.addParameter().setName("end").setValue(new InstantType(Date.from(away.getEnd())));
            parameters.addParameter().setName("cover").setValue(References.to(Party.practitioner(away.getCoverId())));
        });
        return parameters;
    }

    /** The practitioner-away extension: until when, and who covers (by name), if anyone does. */
    public static Extension toExtension(AwayNotice notice) {
        Extension extension = new Extension(MissiveFhir.PRACTITIONER_AWAY);
        extension.addExtension("until", new InstantType(Date.from(notice.until())));
        notice.cover().ifPresent(cover -> extension.addExtension("cover", coverReference(cover)));
        return extension;
    }

    private static Reference coverReference(Practitioner cover) {
        return References.to(Party.practitioner(cover.getId())).setDisplay(cover.displayName());
    }
}
