package dev.missive.thread;

import dev.missive.security.Caller;
import dev.missive.security.CallerContext;
import dev.missive.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

@Stateless
@DeclareRoles({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
@RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.INTEGRATION})
public class DefaultSendingService implements SendingService {

    @Inject
    ThreadOpening opening;

    @Inject
    MessageWriting writing;

    @Inject
    WritingCaller writers;

    @Inject
    CallerContext callers;

    @Override
    @RolesAllowed({Roles.PATIENT, Roles.PROXY, Roles.PRACTITIONER, Roles.INTEGRATION})
    public ThreadView start(NewThread request) {
        Caller caller = writers.of(callers.current(), request.sender());
        Conversation conversation = opening.compose(caller, request);
        return new ThreadView(conversation, opening.open(caller, conversation));
    }

    @Override
    public Message send(NewMessage request) {
        Caller caller = writers.of(callers.current(), request.sender());
        Conversation conversation = writing.lockedThread(caller, request.conversationId());
        Message message = writing.compose(caller, conversation, request);
        writing.send(caller, conversation, message);
        return message;
    }
}
