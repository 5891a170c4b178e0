package org.jaildesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The colours of theme.css can be read: every text colour against every background it is drawn on, at WCAG's
 * contrast ratios (4.5:1, level AA, in the light and dark themes; 7:1, level AAA, in the high-contrast one), and the
 * accent used for lines and bars (sparklines, the disk-usage chart) at 3:1, as WCAG asks of graphics.
 */
class ThemeColoursTest {

    /** Tokens used as text colours: labels, the state column, errors, the stale marker, prompts and placeholders. */
    private static final List<String> TEXT = List.of("text", "muted", "running", "stopped", "danger", "stale");
    /** What text is drawn on: the window, panes and tables, and a selected row. */
    private static final List<String> BACKGROUNDS = List.of("bg", "surface", "selection");

    private static String css() throws Exception {
        try (InputStream in = Theme.class.getResourceAsStream("theme.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The {@code -jd-*} tokens a rule block with exactly this selector sets. */
    static Map<String, String> tokens(String css, String selector) {
        Matcher block = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertTrue(block.find(), "theme.css has a block for " + selector);
        Map<String, String> tokens = new HashMap<>();
        Matcher decl = Pattern.compile("-jd-([a-z]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(block.group(1));
        while (decl.find()) {
            tokens.put(decl.group(1), decl.group(2));
        }
        return tokens;
    }

    /** The tokens of each theme as the style sheet resolves them: the light ones, overridden in turn. */
    static Map<String, Map<String, String>> themes(String css) {
        Map<String, String> light = tokens(css, ".root");
        Map<String, String> dark = new HashMap<>(light);
        dark.putAll(tokens(css, ".root.dark"));
        Map<String, String> contrast = new HashMap<>(dark);
        contrast.putAll(tokens(css, ".root.dark.contrast"));
        return Map.of("light", light, "dark", dark, "contrast", contrast);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Every pair below its ratio, worded for the failure message. */
    private static List<String> below(Map<String, String> theme, List<String> fronts, double needed) {
        List<String> low = new ArrayList<>();
        for (String front : fronts) {
            for (String back : BACKGROUNDS) {
                double r = ratio(theme.get(front), theme.get(back));
                if (r < needed) {
                    low.add(String.format(Locale.ROOT, "%s %s on %s %s: %.2f", front, theme.get(front), back, theme.get(back), r));
                }
            }
        }
        return low;
    }

    @Test
    void theRatioIsWcags() {
        assertEquals(21.0, ratio("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, ratio("#2f6fdb", "#2f6fdb"), 1e-9);
        // A pair WCAG's own tools put at 4.48: just short of AA.
        assertEquals(4.48, ratio("#777777", "#ffffff"), 0.01);
    }

    @Test
    void everyThemeSetsEveryTokenTheChecksRead() throws Exception {
        themes(css()).forEach((name, theme) -> {
            for (String t : List.of("text", "muted", "running", "stopped", "danger", "stale", "bg", "surface", "selection", "accent", "border")) {
                assertTrue(theme.containsKey(t), name + " sets -jd-" + t);
            }
        });
    }

    @Test
    void textMeetsAaInTheLightAndDarkThemes() throws Exception {
        Map<String, Map<String, String>> themes = themes(css());
        assertEquals(List.of(), below(themes.get("light"), TEXT, 4.5));
        assertEquals(List.of(), below(themes.get("dark"), TEXT, 4.5));
    }

    @Test
    void textMeetsAaaInTheHighContrastTheme() throws Exception {
        Map<String, String> contrast = themes(css()).get("contrast");
        assertEquals(List.of(), below(contrast, TEXT, 7.0));
        // Its edges (tables, fields, buttons) and its accent (focus, selected tab, lines) stand out as much.
        assertEquals(List.of(), below(contrast, List.of("border", "accent"), 7.0));
    }

    @Test
    void linesAndBarsInTheAccentStandOut() throws Exception {
        for (Map.Entry<String, Map<String, String>> theme : themes(css()).entrySet()) {
            for (String back : List.of("bg", "surface")) {
                double r = ratio(theme.getValue().get("accent"), theme.getValue().get(back));
                assertTrue(r >= 3.0, theme.getKey() + ": accent on " + back + " " + r);
            }
        }
    }

    @Test
    void theFilesThemeIsOneOfTheThreeOrElseLight() {
        UiState state = new UiState((java.nio.file.Path) null);
        assertEquals(Theme.Kind.LIGHT, Theme.of(state), "none chosen yet");
        state.putSetting("theme", "contrast");
        assertEquals(Theme.Kind.CONTRAST, Theme.of(state));
        assertTrue(Theme.of(state).darkBased());
        state.putSetting("theme", "dark");
        assertEquals(Theme.Kind.DARK, Theme.of(state));
        // A hand-edited file's value that names no theme: light, as if none were chosen.
        for (String bad : List.of("Dark", "a;b", "$(x)", "-f", "dark\ncontrast", "x".repeat(10_000_000))) {
            state.putSetting("theme", bad);
            assertEquals(Theme.Kind.LIGHT, Theme.of(state), bad.length() > 20 ? "10 MB" : bad);
        }
        assertEquals(List.of(Theme.Kind.DARK, Theme.Kind.CONTRAST, Theme.Kind.LIGHT),
                List.of(Theme.Kind.LIGHT.next(), Theme.Kind.DARK.next(), Theme.Kind.CONTRAST.next()));
    }
}
