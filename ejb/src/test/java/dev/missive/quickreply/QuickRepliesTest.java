package dev.missive.quickreply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.InvalidRequestException;
import dev.missive.service.NotFoundException;
import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import dev.missive.service.VersionConflictException;
import dev.missive.testing.TestClinic;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quick replies kept as written when their placeholders and links are sound, refused and unchanged otherwise. */
class QuickRepliesTest {

    private final TestClinic clinic = new TestClinic();
    private final QuickReplies replies = clinic.bean(QuickReplies.class);

    @BeforeEach
    void aClinicAdminManagesThem() {
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
    }

    @Test
    void repliesAreKeptAndListedByTitle() {
        replies.create(
                new QuickReplyContent("Results normal", "Hi {{patient-first-name}}, your results are **normal**."));
        String refill = replies.create(new QuickReplyContent(" Refill sent ", "Sent. {{ practitioner-name }}"))
                .getId();
        assertEquals(
                List.of("Refill sent", "Results normal"),
                replies.all().stream().map(QuickReply::getTitle).toList());
        assertEquals("Sent. {{ practitioner-name }}", replies.read(refill).getText());
    }

    @Test
    void unknownPlaceholdersUnsafeLinksAndEmptyPartsAreRefused() {
        RuleViolationException unknown = assertThrows(
                RuleViolationException.class,
                () -> replies.create(new QuickReplyContent("x", "Dear {{patient-last-name}}")));
        assertEquals(Rule.QUICK_REPLY_PLACEHOLDER_UNKNOWN, unknown.rule());
        RuleViolationException link = assertThrows(
                RuleViolationException.class,
                () -> replies.create(new QuickReplyContent("x", "[here](javascript:alert(1))")));
        assertEquals(Rule.FORMATTED_TEXT_INVALID, link.rule());
        assertThrows(InvalidRequestException.class, () -> replies.create(new QuickReplyContent(" ", "text")));
        assertThrows(
                InvalidRequestException.class,
                () -> replies.create(new QuickReplyContent("x", "y".repeat(QuickReply.MAX_TEXT_LENGTH + 1))));
        assertEquals(List.of(), replies.all());
    }

    @Test
    void anUpdateBasedOnAStaleVersionChangesNothing() {
        QuickReply reply = replies.create(new QuickReplyContent("Call us", "Please call the desk."));
        String id = reply.getId();
        long version = reply.getVersion();
        clinic.inTransaction(() -> replies.save(id, version, new QuickReplyContent("Call us", "Call the desk.")));
        assertThrows(
                VersionConflictException.class,
                () -> replies.save(id, version, new QuickReplyContent("Call us", "Stale.")));
        assertEquals("Call the desk.", replies.read(id).getText());
        replies.delete(id);
        assertThrows(NotFoundException.class, () -> replies.read(id));
        assertThrows(
                NotFoundException.class, () -> replies.save(id, version, new QuickReplyContent("Call us", "Gone")));
    }

    @Test
    void aSaveUnderANewIdCreatesIt() {
        assertTrue(replies.save("results-normal", null, new QuickReplyContent("Results", "Normal."))
                .created());
        assertEquals("Normal.", replies.read("results-normal").getText());
    }
}
