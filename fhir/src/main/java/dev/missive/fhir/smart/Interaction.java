package dev.missive.fhir.smart;

/** The SMART v2 interactions, by their letter in a scope ({@code cruds}). */
public enum Interaction {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    Interaction(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
