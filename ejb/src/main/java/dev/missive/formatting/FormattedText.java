package dev.missive.formatting;

import dev.missive.service.Rule;
import dev.missive.service.RuleViolationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in Missive's Markdown subset, a subset of CommonMark: paragraphs (a line break is kept),
 * {@code **bold**}, {@code *italic*} (italic may sit inside bold), {@code - } or {@code * } bulleted
 * and {@code 1. } numbered list items (one level), {@code [text](url)} links to {@code https:} or
 * {@code mailto:} only, and backslash escapes. Everything else is text as typed: HTML, entities,
 * headings and images are never interpreted, so nothing is stripped and nothing can turn into markup.
 * A link to any other scheme, or a link address that is too long or holds spaces, quotes or angle
 * brackets, is refused ({@link Rule#FORMATTED_TEXT_INVALID}).
 */
public final class FormattedText {

    /** Longest link address accepted, in characters. */
    public static final int MAX_URL_LENGTH = 2_000;

    private static final Pattern BULLET = Pattern.compile("[-*+] (.*)");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,9})[.)] (.*)");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https://|mailto:)[^\\s\"'<>`\\\\]+");
    private static final String ESCAPABLE = "\\*_[]()!#-+.`>";

    private final String plainText;

    private FormattedText(String plainText) {
        this.plainText = plainText;
    }

    /** The Markdown, checked; refused with {@link Rule#FORMATTED_TEXT_INVALID} when it holds an unsafe link. */
    public static FormattedText parse(String markdown) {
        StringBuilder plain = new StringBuilder();
        String kind = "";
        for (String line : markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String stripped = line.strip();
            Matcher bullet = BULLET.matcher(stripped);
            Matcher numbered = NUMBERED.matcher(stripped);
            String next;
            String content;
            if (stripped.isEmpty()) {
                kind = "";
                continue;
            } else if (bullet.matches()) {
                next = "list";
                content = "- " + inline(bullet.group(1));
            } else if (numbered.matches()) {
                next = "list";
                content = numbered.group(1) + ". " + inline(numbered.group(2));
            } else {
                next = "paragraph";
                content = inline(stripped);
            }
            if (!plain.isEmpty()) {
                plain.append(next.equals(kind) ? "\n" : "\n\n");
            }
            plain.append(content);
            kind = next;
        }
        return new FormattedText(plain.toString());
    }

    /** What it says without formatting: markers gone, a link as its text and address, list items as "- " or "1. ". */
    public String plainText() {
        return plainText;
    }

    private static String inline(String text) {
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0) {
                plain.append(text.charAt(i + 1));
                i += 2;
            } else if (text.startsWith("**", i) && closing(text, "**", i + 2) > 0) {
                int end = closing(text, "**", i + 2);
                plain.append(inline(text.substring(i + 2, end)));
                i = end + 2;
            } else if (c == '*' && closing(text, "*", i + 1) > 0) {
                int end = closing(text, "*", i + 1);
                plain.append(inline(text.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '[' && linkEnd(text, i) > 0) {
                int label = text.indexOf("](", i);
                int end = linkEnd(text, i);
                String shown = inline(text.substring(i + 1, label));
                String url = checkedUrl(text.substring(label + 2, end).strip());
                plain.append(shown.equals(url) ? url : shown + " (" + url + ")");
                i = end + 1;
            } else {
                plain.append(c);
                i++;
            }
        }
        return plain.toString();
    }

    /**
     * Where the emphasis opened just before {@code from} closes, or -1: the marker after a
     * non-space, the content not starting with a space nor holding a further '*' for italic.
     */
    static int closing(String text, String marker, int from) {
        if (from >= text.length() || Character.isWhitespace(text.charAt(from)) || text.startsWith("*", from)) {
            return -1;
        }
        int at = from;
        while ((at = text.indexOf(marker, at + 1)) > 0) {
            if (text.charAt(at - 1) == '\\') {
                continue;
            }
            if (marker.length() == 1 && text.startsWith("**", at)) {
                return -1; // bold inside italic is not part of the subset: the '*' stays text
            }
            return Character.isWhitespace(text.charAt(at - 1)) ? -1 : at;
        }
        return -1;
    }

    /** Where the link {@code [label](url)} opened at {@code open} ends (its ')'), or -1 if it is none. */
    static int linkEnd(String text, int open) {
        int label = text.indexOf("](", open);
        if (label < 0 || label == open + 1 || text.substring(open + 1, label).indexOf('[') >= 0) {
            return -1;
        }
        return text.indexOf(')', label + 2);
    }

    private static String checkedUrl(String url) {
        if (url.length() > MAX_URL_LENGTH || !SAFE_URL.matcher(url).matches()) {
            throw new RuleViolationException(
                    Rule.FORMATTED_TEXT_INVALID,
                    "A link in formatted text is an https: or mailto: address of at most " + MAX_URL_LENGTH
                            + " characters, without spaces, quotes or angle brackets");
        }
        return url;
    }
}
