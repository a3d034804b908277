package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * Refuses, with a 400, a write that lacks what it is made of: a create, update or transaction
 * without a body, an update or delete without an id (Missive has no conditional update or
 * delete). HAPI would call the provider with nothing in their place.
 */
@Interceptor
public class IncompleteRequests {

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void refuseIncomplete(RequestDetails request, RestOperationTypeEnum operation) {
        boolean update = operation == RestOperationTypeEnum.UPDATE;
        if ((update || operation == RestOperationTypeEnum.DELETE)
                && (request.getId() == null || !request.getId().hasIdPart())) {
            throw new InvalidRequestException(
                    "A " + (update ? "PUT" : "DELETE") + " names the resource it writes: {type}/{id}");
        }
        if (update || operation == RestOperationTypeEnum.CREATE || operation == RestOperationTypeEnum.TRANSACTION) {
            byte[] body = request.loadRequestContents();
            if (body == null || body.length == 0) {
                throw new InvalidRequestException("The request has no body: it needs the resource it writes");
            }
        }
    }
}
