package dev.missive.notification;

import dev.missive.testing.TestClinic;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SMTP relay of the tests, with the mail session whose From is {@value #FROM}: it keeps
 * each email it accepts as it crossed the wire. It can be told to refuse the next email, or to
 * accept it and then stand for a kill -9 of the server: nothing after the acceptance runs.
 */
final class RecordingRelay extends SmtpRelay {

    static final String FROM = "no-reply@clinic.example";

    /** What the relay does with the next email. */
    enum Next {
        ACCEPT,
        REFUSE,
        ACCEPT_THEN_KILL
    }

    /** Thrown where the server would have died: the code under test must not catch it. */
    static final class ServerKilled extends RuntimeException {
        ServerKilled() {
            super("kill -9");
        }
    }

    final Session mailSession;
    final List<MimeMessage> accepted = new ArrayList<>();
    private Next next = Next.ACCEPT;

    RecordingRelay() {
        Properties properties = new Properties();
        properties.setProperty("mail.from", FROM);
        mailSession = Session.getInstance(properties);
    }

    /** Makes this relay and its session the clinic's. */
    RecordingRelay installIn(TestClinic clinic) {
        clinic.beans.add(this);
        clinic.beans.add(mailSession);
        return this;
    }

    void next(Next what) {
        next = what;
    }

    @Override
    public void send(MimeMessage mail) throws MessagingException {
        Next now = next;
        next = Next.ACCEPT;
        if (now == Next.REFUSE) {
            throw new MessagingException("451 try again later");
        }
        accepted.add(wire(mail));
        if (now == Next.ACCEPT_THEN_KILL) {
            throw new ServerKilled();
        }
    }

    /** The email as a relay receives it: saved (which sets its Message-ID), written, read back. */
    MimeMessage wire(MimeMessage mail) throws MessagingException {
        mail.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            mail.writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("Not written", e);
        }
        return new MimeMessage(mailSession, new ByteArrayInputStream(bytes.toByteArray()));
    }
}
