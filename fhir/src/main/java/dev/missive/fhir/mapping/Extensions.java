package dev.missive.fhir.mapping;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;

/**
 * The extensions a client sent, read as the client's input: one Missive takes once may be given
 * once (HAPI's getExtensionByUrl throws an IllegalArgumentException, a 500, for two), and a flag
 * is true, false or left out, never a valueBoolean without a value.
 */
final class Extensions {

    private Extensions() {}

    /** The resource's extension with that url, or null; given twice, the request is refused. */
    static Extension single(DomainResource resource, String url) {
        return single(resource.getExtensionsByUrl(url), url);
    }

    /** The element's (a complex extension's) extension with that url, or null; given twice, the request is refused. */
    static Extension single(Element element, String url) {
        return single(element.getExtensionsByUrl(url), url);
    }

    /** Whether the extension is there with valueBoolean true (another type of value counts as false). */
    static boolean flag(Extension extension) {
        if (extension == null || !(extension.getValue() instanceof BooleanType flag)) {
            return false;
        }
        if (!flag.hasValue()) {
            throw new InvalidRequestException(extension.getUrl() + " has a valueBoolean without a value");
        }
        return flag.booleanValue();
    }

    private static Extension single(List<Extension> found, String url) {
        if (found.size() > 1) {
            throw new InvalidRequestException(
                    "The extension " + url + " is given " + found.size() + " times: once at most");
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
