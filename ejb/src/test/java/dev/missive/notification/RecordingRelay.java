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
 * each email it accepts as it crossed the wire.
 */
final class RecordingRelay extends SmtpRelay {

    static final String FROM = "no-reply@clinic.example";

    final Session mailSession;
    final List<MimeMessage> accepted = new ArrayList<>();

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

    @Override
    public void send(MimeMessage mail) throws MessagingException {
        accepted.add(wire(mail));
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
