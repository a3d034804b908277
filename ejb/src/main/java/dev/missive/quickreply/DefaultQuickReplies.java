package dev.missive.quickreply;

import dev.missive.directory.Saved;
import dev.missive.formatting.FormattedText;
import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Role;
import dev.missive.security.Roles;
import dev.missive.service.ForbiddenException;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.VersionConflictException;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
@DeclareRoles({Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed(Roles.CLINIC_ADMIN)
public class DefaultQuickReplies implements QuickReplies {

    private static final Logger LOG = Logger.getLogger(DefaultQuickReplies.class.getName());

    @Inject
    QuickReplyRepository replies;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

    @Override
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
    public List<QuickReply> all() {
        requireStaffSide();
        return replies.all();
    }

    @Override
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
    public QuickReply read(String id) {
        requireStaffSide();
        return replies.find(id).orElseThrow(() -> new NotFoundException("Basic", id));
    }

    @Override
    public QuickReply create(QuickReplyContent content) {
        return created(UUID.randomUUID().toString(), content);
    }

    @Override
    public Saved<QuickReply> save(String id, Long expectedVersion, QuickReplyContent content) {
        QuickReply reply = replies.find(id).orElse(null);
        if (reply == null && expectedVersion != null) {
            throw new NotFoundException("Basic", id);
        }
        if (reply == null) {
            return new Saved<>(created(id, content), true);
        }
        VersionConflictException.requireCurrent(expectedVersion, reply.getVersion(), "Basic", id);
        reply.change(checked(content), clock.instant());
        LOG.info("Quick reply " + id + " updated");
        return new Saved<>(reply, false);
    }

    @Override
    public void delete(String id) {
        replies.remove(read(id));
        LOG.info("Quick reply " + id + " deleted");
    }

    /** A staff member who is also a patient reads the clinic's templates on the staff side only. */
    private void requireStaffSide() {
        Caller caller = callers.current();
        if (!caller.seesEverything() && !caller.has(Role.PRACTITIONER)) {
            throw new ForbiddenException("Quick replies are for the clinic's staff");
        }
    }

    private QuickReply created(String id, QuickReplyContent content) {
        QuickReply reply = new QuickReply(id, checked(content), clock.instant());
        replies.add(reply);
        LOG.info("Quick reply " + id + " created");
        return reply;
    }

    private static QuickReplyContent checked(QuickReplyContent content) {
        String title = content.title() == null ? "" : content.title().strip();
        String text = content.text() == null ? "" : content.text().strip();
        if (title.isEmpty() || title.length() > QuickReply.MAX_TITLE_LENGTH) {
            throw new InvalidRequestException(
                    "A quick reply has a title of at most " + QuickReply.MAX_TITLE_LENGTH + " characters");
        }
        if (text.isEmpty() || text.length() > QuickReply.MAX_TEXT_LENGTH) {
            throw new InvalidRequestException(
                    "A quick reply has a text of at most " + QuickReply.MAX_TEXT_LENGTH + " characters");
        }
        Placeholders.requireKnown(text);
        FormattedText.parse(text);
        return new QuickReplyContent(title, text);
    }
}
