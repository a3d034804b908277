package dev.missive.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
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
import dev.missive.service.StorageFullException;
import dev.missive.service.TooLargeException;
import dev.missive.service.UnsupportedContentException;
import dev.missive.service.VersionConflictException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.resource.ResourceException;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Turns what the services throw into the FHIR error the design promises: 404 for anything
 * the caller may not see, 403, 409, 422 naming the rule, 503 with Retry-After while the
 * database cannot be reached, 507 with Retry-After while the attachment store is full, and for anything unexpected a 500 whose body says nothing but a
 * reference to the server log.
 */
@Interceptor
@ApplicationScoped
public class ServiceExceptionInterceptor {

    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int INSUFFICIENT_STORAGE = 507;
    private static final String RETRY_AFTER_SECONDS = "10";
    /** Space is freed by an operator, not in seconds. */
    private static final String RETRY_AFTER_STORAGE_SECONDS = "60";
    /** SQLState class 08: connection exception (refused, broken, gone). */
    private static final String CONNECTION_EXCEPTION = "08";
    /** A class by its package and name: two or more lower-case segments and a capitalised one. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][\\w$]*)");

    private static final Logger LOG = Logger.getLogger(ServiceExceptionInterceptor.class.getName());

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            BaseServerResponseException translated = translateOne(cause);
            if (translated == null
                    && cause instanceof BaseServerResponseException fhir
                    && !(fhir instanceof InternalErrorException)) {
                translated = withoutClassNames(fhir);
            }
            if (translated == null) {
                translated = unreadable(cause);
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
     * HAPI's own refusal, with any class its message names ({@code Received
     * org.hl7.fhir.r4.model.Communication}) by its simple name: the server's insides stay inside.
     */
    static BaseServerResponseException withoutClassNames(BaseServerResponseException refusal) {
        String message = refusal.getMessage();
        if (message == null || refusal.getOperationOutcome() != null) {
            return refusal;
        }
        Matcher qualified = QUALIFIED_NAME.matcher(message);
        if (!qualified.find()) {
            return refusal;
        }
        BaseServerResponseException plain =
                BaseServerResponseException.newInstance(refusal.getStatusCode(), qualified.replaceAll("$1"));
        refusal.getResponseHeaders()
                .forEach((name, values) -> values.forEach(value -> plain.addResponseHeader(name, value)));
        return plain;
    }

    /**
     * A request the client got wrong, found out while HAPI reads it, before Missive's code runs:
     * a parameter or a value of the wrong format, a body its parser fails on, a charset nobody
     * knows, a malformed percent escape. A 400 whose message names no class (an exception's
     * message may). The same exceptions thrown within Missive's code stay failures of the server.
     */
    static BaseServerResponseException unreadable(Throwable cause) {
        if (cause instanceof IllegalCharsetNameException || cause instanceof UnsupportedCharsetException) {
            return new InvalidRequestException("The charset the Content-Type names is not supported");
        }
        if (cause instanceof IllegalArgumentException && thrownBy(cause, URLDecoder.class.getName())) {
            return new InvalidRequestException("The URL holds a malformed percent escape");
        }
        if (cause instanceof RuntimeException && thrownWhileReading(cause)) {
            return new InvalidRequestException(
                    cause instanceof DataFormatException
                            ? cause.getMessage()
                            : "The body is not a FHIR resource that can be read");
        }
        return null;
    }

    private static boolean thrownBy(Throwable cause, String type) {
        StackTraceElement[] frames = cause.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals(type);
    }

    /** Thrown by HAPI's parser reading a body, or its parameter types reading the URL, before Missive's code ran. */
    private static boolean thrownWhileReading(Throwable cause) {
        for (StackTraceElement frame : cause.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("dev.missive.")) {
                return false;
            }
            if (type.startsWith("ca.uhn.fhir.rest.param.")
                    || type.startsWith("ca.uhn.fhir.parser.")
                            && !frame.getMethodName().startsWith("encode")) {
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
        if (cause instanceof StorageFullException) {
            UnclassifiedServerFailureException full =
                    new UnclassifiedServerFailureException(INSUFFICIENT_STORAGE, cause.getMessage());
            full.addResponseHeader("Retry-After", RETRY_AFTER_STORAGE_SECONDS);
            return full;
        }
        return null;
    }
}
