package dev.missive.directory;

import jakarta.ejb.Local;

/**
 * What a practitioner sets for themselves in the directory the integration engine otherwise
 * keeps: whether they are emailed about new messages. Their own entry only (403 for anyone
 * else, whatever the id names).
 */
@Local
public interface StaffPreferences {

    /** Switches the caller's own email notifications on or off; answers their entry as it now is. */
    Practitioner setEmailNotifications(String practitionerId, boolean enabled);
}
