package dev.missive.fhir.server;

import dev.missive.audit.AuditAccess;
import dev.missive.audit.AuditService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each request to the audit service, after the request's own work is done. A record that
 * cannot be written never fails the request (whatever it wrote is committed already, and a read
 * must not turn into a 500 because of the trail): the same facts go to the server log instead,
 * which carry no health information (account, interaction, resource type and id, status, address).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @EJB
    AuditService audits;

    /** A request of a signed-in account ({@code account} non-null) or one without any. */
    public void record(AuditAccess access, Set<String> patientsConcerned, String account) {
        try {
            if (account == null) {
                audits.recordWithoutCaller(access);
            } else {
                audits.record(access, patientsConcerned);
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "Audit record not written, kept here instead: account=" + account + " " + access.describe()
                            + " cause=" + e.getClass().getName());
        }
    }
}
