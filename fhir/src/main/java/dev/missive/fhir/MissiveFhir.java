package dev.missive.fhir;

/** Canonical URLs of everything Missive defines. */
public final class MissiveFhir {

    public static final String BASE = "https://missive.dev/fhir";
    public static final String PORTAL_USERNAME = BASE + "/sid/portal-username";
    public static final String MESSAGE_TYPE = BASE + "/CodeSystem/message-type";
    public static final String THREAD_STATUS_REASON = BASE + "/CodeSystem/thread-status-reason";
    public static final String RULE = BASE + "/CodeSystem/rule";
    public static final String PARTICIPANT_STATE = BASE + "/StructureDefinition/participant-state";
    public static final String THREAD_CHANGE = BASE + "/StructureDefinition/thread-change";
    public static final String PRACTITIONER_AWAY = BASE + "/StructureDefinition/practitioner-away";
    public static final String THREAD_DETAIL = BASE + "/CodeSystem/thread-detail";
    public static final String RESPONSE_PREFERENCE = BASE + "/StructureDefinition/response-preference";
    public static final String BILLING_CONSENT = BASE + "/StructureDefinition/billing-consent";
    public static final String PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";
    public static final String EMAIL_NOTIFICATIONS = BASE + "/StructureDefinition/email-notifications";
    public static final String DO_NOT_EMAIL = BASE + "/StructureDefinition/do-not-email";
    public static final String POLICY_MESSAGING_ENABLED = BASE + "/StructureDefinition/messaging-enabled";
    public static final String POLICY_PATIENTS_MAY_START = BASE + "/StructureDefinition/patients-may-start";
    public static final String POLICY_ELIGIBILITY_BASIS = BASE + "/StructureDefinition/eligibility-basis";
    public static final String POLICY_APPOINTMENT_WINDOW_DAYS = BASE + "/StructureDefinition/appointment-window-days";
    public static final String POLICY_OFFERED_MESSAGE_TYPE = BASE + "/StructureDefinition/offered-message-type";
    public static final String POLICY_ATTACHMENTS_ALLOWED = BASE + "/StructureDefinition/attachments-allowed";
    public static final String POLICY_RETRACT_WINDOW = BASE + "/StructureDefinition/retract-window";
    public static final String POLICY_RESPONSE_BUSINESS_DAYS = BASE + "/StructureDefinition/response-business-days";
    public static final String RESPONSE_DUE = BASE + "/StructureDefinition/response-due";
    public static final String SP_OVERDUE = BASE + "/SearchParameter/Communication-overdue";
    public static final String POLICY_GUIDELINES = BASE + "/StructureDefinition/guidelines";
    public static final String POLICY_EMERGENCY_NUMBER = BASE + "/StructureDefinition/emergency-number";
    public static final String PRACTITIONER_ROLE = BASE + "/CodeSystem/practitioner-role";
    public static final String CARE_TEAM_CATEGORY = BASE + "/CodeSystem/care-team-category";
    public static final String POOL = "pool";
    public static final String CLAIMED_BY = BASE + "/StructureDefinition/claimed-by";
    public static final String PORTAL_MESSAGING = "portal-messaging";
    public static final String CHARGES_FOR_MESSAGES = BASE + "/StructureDefinition/charges-for-messages";
    public static final String MESSAGE_TYPES = BASE + "/StructureDefinition/message-types";
    public static final String CONSENT_CATEGORY = BASE + "/CodeSystem/consent-category";
    public static final String FORMATTED_TEXT = BASE + "/StructureDefinition/formatted-text";
    public static final String QUICK_REPLY = BASE + "/StructureDefinition/quick-reply";
    public static final String BASIC_KIND = BASE + "/CodeSystem/basic-kind";
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    private MissiveFhir() {}

    /** The topic of every sent message: what an integration engine subscribes to. */
    public static final String MESSAGE_SENT_TOPIC = BASE + "/SubscriptionTopic/message-sent";
    /** The Subscriptions R5 Backport IG, which R4 subscriptions follow. */
    public static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

    public static final String BACKPORT_FILTER_CRITERIA = BACKPORT + "backport-filter-criteria";
    public static final String BACKPORT_HEARTBEAT_PERIOD = BACKPORT + "backport-heartbeat-period";
    public static final String BACKPORT_PAYLOAD_CONTENT = BACKPORT + "backport-payload-content";
    public static final String BACKPORT_TOPIC_CANONICAL = BACKPORT + "capabilitystatement-subscriptiontopic-canonical";
}
