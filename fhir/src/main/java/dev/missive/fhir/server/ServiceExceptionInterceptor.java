package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.service.ForbiddenException;
import dev.missive.service.IdentifierTakenException;
import dev.missive.service.NotFoundException;
import dev.missive.service.RuleViolationException;
import dev.missive.service.TooLargeException;
import dev.missive.service.UnsupportedContentException;
import dev.missive.service.VersionConflictException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns what the services throw into the FHIR error the design promises: 404 for anything
 * the caller may not see, 403, 409, 422 naming the rule, 503 with Retry-After while the
 * database cannot be reached, and for anything unexpected a 500 whose body says nothing but a
 * reference to the server log.
 */
@Interceptor
@ApplicationScoped
public class ServiceExceptionInterceptor {

    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final String RETRY_AFTER_SECONDS = "10";
    /** SQLState class 08: connection exception (refused, broken, gone). */
    private static final String CONNECTION_EXCEPTION = "08";

    private static final Logger LOG = Logger.getLogger(ServiceExceptionInterceptor.class.getName());

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            BaseServerResponseException translated = translateOne(cause);
            if (translated == null
                    && cause instanceof BaseServerResponseException fhir
                    && !(fhir instanceof InternalErrorException)) {
                translated = fhir;
            }
            if (translated != null) {
                logRefusal(translated, cause);
                return translated;
            }
        }
        if (isUnreachable(thrown)) {
            // one line, not a stack trace per request while the database is away
            LOG.severe("Unavailable: the database or the queue could not be reached ("
                    + thrown.getClass().getSimpleName() + ")");
            UnclassifiedServerFailureException unavailable = new UnclassifiedServerFailureException(
                    SERVICE_UNAVAILABLE, "The server cannot reach its database just now; try again shortly");
            unavailable.addResponseHeader("Retry-After", RETRY_AFTER_SECONDS);
            return unavailable;
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, thrown);
        return new InternalErrorException("The server could not complete the request (reference " + reference + ")");
    }

    /**
     * A database or queue the server could not reach (refused, a pooled connection gone): the
     * request may succeed once it is back, which the pool notices by itself, so 503, not 500.
     */
    static boolean isUnreachable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof ResourceException
                    || cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line at INFO: the caller's error, not the server's. The status and the exception's kind
     * (with the rule, if one), never its message, which may quote what the client sent.
     */
    private static void logRefusal(BaseServerResponseException answer, Throwable cause) {
        LOG.info(() ->
                "Refused " + answer.getStatusCode() + " " + cause.getClass().getSimpleName()
                        + (cause instanceof RuleViolationException rule
                                ? " " + rule.rule().code()
                                : ""));
    }

    /**
     * The FHIR answer to a refusal the services threw ({@code null} for anything else), for code
     * that must throw it itself: an exception thrown by another interceptor's hook as it is would be
     * logged by HAPI as a failure.
     */
    static BaseServerResponseException translateOne(Throwable cause) {
        if (cause instanceof NotFoundException) {
            return new ResourceNotFoundException(cause.getMessage());
        }
        if (cause instanceof ForbiddenException || cause instanceof EJBAccessException) {
            return new ForbiddenOperationException("This account may not make this request");
        }
        if (cause instanceof VersionConflictException) {
            return new PreconditionFailedException(cause.getMessage());
        }
        if (cause instanceof IdentifierTakenException) {
            return new ResourceVersionConflictException(cause.getMessage());
        }
        if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
            return new ResourceVersionConflictException("The resource was changed by another request at the same time");
        }
        if (cause instanceof RuleViolationException rule) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.BUSINESSRULE)
                    .setDiagnostics(rule.getMessage())
                    .getDetails()
                    .addCoding()
                    .setSystem(MissiveFhir.RULE)
                    .setCode(rule.rule().code());
            if (rule instanceof TooLargeException) {
                return new PayloadTooLargeException(rule.getMessage(), outcome);
            }
            if (rule instanceof UnsupportedContentException) {
                return new UnclassifiedServerFailureException(UNSUPPORTED_MEDIA_TYPE, rule.getMessage(), outcome);
            }
            return new UnprocessableEntityException(rule.getMessage(), outcome);
        }
        if (cause instanceof dev.missive.service.InvalidRequestException) {
            return new InvalidRequestException(cause.getMessage());
        }
        return null;
    }
}
