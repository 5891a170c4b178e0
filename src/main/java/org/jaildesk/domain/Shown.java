package org.jaildesk.domain;

/**
 * Text someone typed or sent, as a message quotes it back: at most 40 characters (then "…"), and control characters
 * written out ({@code \u000a}) so that a newline or an escape sequence cannot break or fake a line of a log, a notice
 * or a reply. A 10 MB name makes a message of some fifty characters, not one of 10 MB.
 */
public final class Shown {

    /** How many characters of the text a message keeps. */
    public static final int KEPT = 40;

    private Shown() {
    }

    /** {@code text} as it is if it has at most {@code max} characters, else its first {@code max} and "…". */
    public static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "\u2026" : text;
    }

    /** {@code text} shortened and with its control characters written out; "" for null. */
    public static String of(String text) {
        return of(text, KEPT);
    }

    /** {@code text} cut at {@code max} characters and with its control characters written out; "" for null. */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String s = cut(text, max);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
