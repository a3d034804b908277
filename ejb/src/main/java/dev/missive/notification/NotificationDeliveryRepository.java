package dev.missive.notification;

import dev.missive.domain.Party;

public interface NotificationDeliveryRepository {

    /** Whether that recipient was already emailed about that message. */
    boolean delivered(String messageId, Party recipient);

    /** Records the delivery and writes it at once, so that a duplicate fails before any email. */
    void add(NotificationDelivery delivery);
}
