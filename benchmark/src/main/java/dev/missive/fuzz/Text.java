package dev.missive.fuzz;

/** Text for reports: cut to a length, control characters made visible. */
final class Text {

    private Text() {}

    static String clip(String text, int max) {
        String shown = text.length() > max ? text.substring(0, max) + "… (" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        });
        return out.toString();
    }
}
