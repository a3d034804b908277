package dev.missive.fhir;

/** Canonical URLs of everything Missive defines. */
public final class MissiveFhir {

    public static final String BASE = "https://missive.dev/fhir";
    public static final String PORTAL_USERNAME = BASE + "/sid/portal-username";
    public static final String MESSAGE_TYPE = BASE + "/CodeSystem/message-type";
    public static final String THREAD_STATUS_REASON = BASE + "/CodeSystem/thread-status-reason";
    public static final String RULE = BASE + "/CodeSystem/rule";
    public static final String PARTICIPANT_STATE = BASE + "/StructureDefinition/participant-state";
    public static final String EMAIL_NOTIFICATIONS = BASE + "/StructureDefinition/email-notifications";
    public static final String DO_NOT_EMAIL = BASE + "/StructureDefinition/do-not-email";
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private MissiveFhir() {
    }
}
