package dev.missive.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Where a notification goes, and the locale that picks its emergency number. */
public record Recipient(String email, String locale) {

    /** Whether the address is one an email can be sent to at all (the directory does not check it). */
    boolean hasEmailAddress() {
        try {
            new InternetAddress(email);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
