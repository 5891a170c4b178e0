package org.jaildesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jaildesk.domain.Wording;

/** User-visible text from {@code messages*.properties}; every string the user reads comes through here. */
public final class Messages {

    public static final String BUNDLE = "org.jaildesk.ui.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the system's language: on a German system, English chosen must give English (the base
        // bundle), not German.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public Locale locale() {
        return locale;
    }

    /** The language the texts are in: the one asked for where there is a translation, English otherwise. */
    public Locale shown() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    /** One of JailDesk's own sentences about a name or a value ({@link Wording}), in this language. */
    public String get(Wording wording) {
        return wording.say(p -> pattern(p.key()), locale);
    }

    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Whether this language has a text under {@code key} (for keys built from a value the host sent). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern = pattern(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
