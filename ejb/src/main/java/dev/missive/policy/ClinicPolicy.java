package dev.missive.policy;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/**
 * The clinic's messaging settings, one row. Messaging is off until a clinic admin switches it
 * on (as the product documents say), and every other setting has the default they describe.
 */
@Entity
@Cacheable
@Table(name = "clinic_policy")
public class ClinicPolicy {

    public static final String SINGLETON_ID = "clinic";
    public static final int GUIDELINES_MAX_LENGTH = 300;
    public static final List<String> MESSAGE_TYPES =
            List.of("general", "medication-renewal", "appointment", "test-results", "billing", "referral");

    @Id
    @Column(length = 64)
    private String id = SINGLETON_ID;

    @Version
    private long version;

    @Column(name = "last_updated", nullable = false)
    private Instant lastUpdated = Instant.EPOCH;

    @Column(name = "clinic_name", nullable = false)
    private String clinicName = "Your clinic";

    @Column(name = "messaging_enabled", nullable = false)
    private boolean messagingEnabled;

    @Column(name = "patients_may_start", nullable = false)
    private boolean patientsMayStart = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "eligibility_basis", nullable = false, length = 20)
    private EligibilityBasis eligibilityBasis = EligibilityBasis.CARE_TEAM;

    /** With the appointment basis: how far back an appointment still counts. */
    @Column(name = "appointment_window_days", nullable = false)
    private int appointmentWindowDays = 365;

    @Column(name = "attachments_allowed", nullable = false)
    private boolean attachmentsAllowed = true;

    @Column(name = "retract_window_seconds", nullable = false)
    private long retractWindowSeconds = Duration.ofMinutes(5).toSeconds();

    /** How many business days staff have to answer a patient-side message ({@link BusinessCalendar}). */
    @Column(name = "response_business_days", nullable = false)
    private int responseBusinessDays = 3;

    @Column(length = GUIDELINES_MAX_LENGTH)
    private String guidelines = "Messages are for non-urgent matters. Allow up to 3 business days for a reply.";

    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clinic_policy_message_type", joinColumns = @JoinColumn(name = "policy_id"))
    @Column(name = "message_type", length = 40)
    private Set<String> messageTypes = new LinkedHashSet<>(MESSAGE_TYPES);

    /** Emergency number by locale: a language tag ("en-GB") or a bare language ("fr"). */
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clinic_policy_emergency_number", joinColumns = @JoinColumn(name = "policy_id"))
    @MapKeyColumn(name = "locale", length = 35)
    @Column(name = "phone_number", length = 20)
    private Map<String, String> emergencyNumbers = new LinkedHashMap<>(
            Map.of("en-US", "911", "en-GB", "999", "en-AU", "000", "fr", "112", "de", "112", "es", "112"));

    public ClinicPolicy() {}

    public long getVersion() {
        return version;
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }

    public String getClinicName() {
        return clinicName;
    }

    public boolean isMessagingEnabled() {
        return messagingEnabled;
    }

    public boolean isPatientsMayStart() {
        return patientsMayStart;
    }

    public EligibilityBasis getEligibilityBasis() {
        return eligibilityBasis;
    }

    public int getAppointmentWindowDays() {
        return appointmentWindowDays;
    }

    public boolean isAttachmentsAllowed() {
        return attachmentsAllowed;
    }

    public Duration getRetractWindow() {
        return Duration.ofSeconds(retractWindowSeconds);
    }

    public int getResponseBusinessDays() {
        return responseBusinessDays;
    }

    public String getGuidelines() {
        return guidelines;
    }

    public Set<String> getMessageTypes() {
        return messageTypes;
    }

    public boolean offers(String messageType) {
        return messageTypes.contains(messageType);
    }

    public Map<String, String> getEmergencyNumbers() {
        return emergencyNumbers;
    }

    /** The number for a locale: exact tag first, then its language, then en-US's. */
    public String emergencyNumberFor(String languageTag) {
        String tag = languageTag == null ? "en-US" : languageTag;
        String number = emergencyNumbers.get(tag);
        if (number == null) {
            number = emergencyNumbers.get(tag.split("-")[0]);
        }
        return number != null ? number : emergencyNumbers.getOrDefault("en-US", "911");
    }

    /** Takes every setting from an edited copy (what a clinic admin saves). */
    public void copyFrom(ClinicPolicy source, Instant now) {
        this.clinicName = source.clinicName;
        this.messagingEnabled = source.messagingEnabled;
        this.patientsMayStart = source.patientsMayStart;
        this.eligibilityBasis = source.eligibilityBasis;
        this.appointmentWindowDays = source.appointmentWindowDays;
        this.attachmentsAllowed = source.attachmentsAllowed;
        this.retractWindowSeconds = source.retractWindowSeconds;
        this.responseBusinessDays = source.responseBusinessDays;
        this.guidelines = source.guidelines;
        this.messageTypes.clear();
        this.messageTypes.addAll(source.messageTypes);
        this.emergencyNumbers.clear();
        this.emergencyNumbers.putAll(source.emergencyNumbers);
        this.lastUpdated = now;
    }

    public void setClinicName(String clinicName) {
        this.clinicName = clinicName;
    }

    public void setMessagingEnabled(boolean messagingEnabled) {
        this.messagingEnabled = messagingEnabled;
    }

    public void setPatientsMayStart(boolean patientsMayStart) {
        this.patientsMayStart = patientsMayStart;
    }

    public void setEligibilityBasis(EligibilityBasis eligibilityBasis) {
        this.eligibilityBasis = eligibilityBasis;
    }

    public void setAppointmentWindowDays(int appointmentWindowDays) {
        this.appointmentWindowDays = appointmentWindowDays;
    }

    public void setAttachmentsAllowed(boolean attachmentsAllowed) {
        this.attachmentsAllowed = attachmentsAllowed;
    }

    public void setRetractWindow(Duration retractWindow) {
        this.retractWindowSeconds = retractWindow.toSeconds();
    }

    public void setResponseBusinessDays(int responseBusinessDays) {
        this.responseBusinessDays = responseBusinessDays;
    }

    public void setGuidelines(String guidelines) {
        this.guidelines = guidelines;
    }
}
