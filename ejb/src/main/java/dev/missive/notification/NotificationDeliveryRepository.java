package dev.missive.notification;

import dev.missive.domain.Party;
import java.util.Optional;

public interface NotificationDeliveryRepository {

    /** The claim, locked until the transaction ends. */
    Optional<NotificationDelivery> find(String messageId, Party recipient);

    /** Records the claim and writes it at once, so that a second claim fails before any email. */
    void add(NotificationDelivery delivery);

    void remove(NotificationDelivery delivery);
}
