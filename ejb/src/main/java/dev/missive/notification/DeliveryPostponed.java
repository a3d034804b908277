package dev.missive.notification;

/**
 * An attempt that did not send the email and may be repeated: the relay refused it or could not
 * be reached, or another node's attempt holds the claim. Artemis delivers the request again
 * after a back-off; the last attempt records a dead letter instead.
 */
class DeliveryPostponed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeliveryPostponed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
