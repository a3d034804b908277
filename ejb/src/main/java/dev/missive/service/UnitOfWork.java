package dev.missive.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * Runs several service calls as one transaction: all of them happen, or none (what a FHIR
 * transaction Bundle promises). The calls keep their own security and rules; this only holds
 * the transaction open around them.
 */
@Stateless
@PermitAll
public class UnitOfWork {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inOneTransaction(Supplier<T> work) {
        return work.get();
    }

    /** As {@link #inOneTransaction}, but within the caller's transaction if there is one (a Bundle's). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T together(Supplier<T> work) {
        return work.get();
    }
}
