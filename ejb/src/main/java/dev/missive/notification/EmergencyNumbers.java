package dev.missive.notification;

import java.util.Locale;
import java.util.Map;

/** The number to call in an emergency, by the recipient's country or language. */
final class EmergencyNumbers {

    private static final Map<String, String> BY_COUNTRY = Map.of("US", "911", "CA", "911", "GB", "999", "AU", "000");
    private static final Map<String, String> BY_LANGUAGE = Map.of("fr", "112", "de", "112", "es", "112");

    private EmergencyNumbers() {
    }

    static String forLocale(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag == null ? "en-US" : languageTag);
        String number = BY_COUNTRY.get(locale.getCountry());
        if (number == null) {
            number = BY_LANGUAGE.getOrDefault(locale.getLanguage(), "911");
        }
        return number;
    }
}
