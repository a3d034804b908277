package dev.missive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.missive.directory.PractitionerDepartures;
import dev.missive.security.Caller;
import dev.missive.security.Role;
import dev.missive.service.ForbiddenException;
import dev.missive.service.NotFoundException;
import dev.missive.testing.TestClinic;
import dev.missive.thread.Conversation;
import dev.missive.thread.DraftService;
import dev.missive.thread.Message;
import dev.missive.thread.NewMessage;
import dev.missive.thread.NewThread;
import dev.missive.thread.SendingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dr Lee's history as a clinic admin exports it: what is in it, and in which order. */
class MessageExportTest {

    private final TestClinic clinic = new TestClinic();
    private final SendingService sending = clinic.bean(SendingService.class);
    private final DraftService drafts = clinic.bean(DraftService.class);
    private final MessageExport export = clinic.bean(MessageExport.class);
    private final List<String> exported = new ArrayList<>();
    private final MessageExport.Sink sink = new MessageExport.Sink() {
        @Override
        public void thread(Conversation thread) {
            exported.add("thread " + thread.getId() + " " + thread.getStatus());
        }

        @Override
        public void message(Message message) {
            exported.add("message " + message.getId() + " " + message.getStatus()
                    + (message.getText() == null ? " (no text)" : ""));
        }
    };

    private String send(String account, String thread, String text) {
        clinic.later(Duration.ofMinutes(1));
        clinic.actAs(account);
        return sending.send(new NewMessage(thread, text, null)).getId();
    }

    private static NewThread draft(String patientId) {
        return new NewThread(patientId, "drlee", "general", "Draft", false, null, null, null, null, false, true, null);
    }

    private void exportAsAdmin(String practitionerId) {
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        exported.clear();
        export.export(practitionerId, sink);
    }

    @Test
    void eachThreadComesBeforeItsMessagesOldestFirstWithTombstonesAndWithoutDrafts() {
        String knee = clinic.start("alice", "drlee");
        String first = send("alice", knee, "My knee hurts");
        String answer = send("drlee", knee, "Come and see me");
        String retracted = send("alice", knee, "Wrong thread");
        clinic.conversations.findMessage(retracted).orElseThrow().retract();
        clinic.actAs("drlee");
        drafts.saveMessage(new NewMessage(knee, "Unsent thought", null, true));
        drafts.saveThread(draft("chloe"));
        clinic.later(Duration.ofMinutes(1));
        String confidential = sending.start(NewThread.of("ben", "drlee", "general", "Private", true))
                .conversation()
                .getId();
        String confidentialMessage = send("drlee", confidential, "Between us");
        clinic.later(Duration.ofMinutes(1));
        String silent = clinic.start("chloe", "drlee");
        clinic.actAs("drpatel");
        clinic.start("alice", "drpatel");

        exportAsAdmin("drlee");

        assertEquals(
                List.of(
                        "thread " + knee + " OPEN",
                        "message " + first + " SENT",
                        "message " + answer + " SENT",
                        "message " + retracted + " RETRACTED (no text)",
                        "thread " + confidential + " OPEN",
                        "message " + confidentialMessage + " SENT",
                        "thread " + silent + " OPEN"),
                exported);
    }

    @Test
    void aPractitionerWhoLeftStaysExportable() {
        String thread = clinic.start("alice", "drlee");
        String message = send("alice", thread, "Are you still there?");
        clinic.practitioners.find("drlee").orElseThrow().setActive(false);
        clinic.bean(PractitionerDepartures.class).settle("drlee");

        exportAsAdmin("drlee");

        assertEquals(List.of("thread " + thread + " CLOSED", "message " + message + " SENT"), exported);
    }

    @Test
    void anEmptyHistoryExportsNothing() {
        exportAsAdmin("nursekim");
        assertTrue(exported.isEmpty());
    }

    @Test
    void onlyAClinicAdminExportsAndOnlyAKnownPractitioner() {
        clinic.start("alice", "drlee");
        for (String account : List.of("alice", "drlee", "gina", "integration")) {
            clinic.actAs(account);
            assertThrows(ForbiddenException.class, () -> export.export("drlee", sink), account);
        }
        assertTrue(exported.isEmpty(), "nothing goes out before the check");
        clinic.actAs(new Caller("admin", EnumSet.of(Role.CLINIC_ADMIN), Optional.empty()));
        assertThrows(NotFoundException.class, () -> export.export("nobody", sink));
        assertThrows(NotFoundException.class, () -> export.export(null, sink));
    }
}
