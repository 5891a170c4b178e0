package org.jaildesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jaildesk.ui.UiState.SavedSearch;
import org.jaildesk.ui.common.Messages;
import org.jaildesk.ui.jails.JailFilter;

/**
 * The rules of the saved searches: a name of one line, at most {@link #NAME_LENGTH} characters; a query as the search
 * field takes it; at most {@link #MAX} of them. Saving under a name that is saved already replaces that search in its
 * place. Also applied to what {@code ui-state.json} holds, which people edit.
 */
final class SavedSearches {

    static final int MAX = 50;
    static final int NAME_LENGTH = 60;

    private SavedSearches() {
    }

    /** Why {@code name} cannot name a search saved among {@code saved}, or empty. */
    static Optional<String> whyNot(List<SavedSearch> saved, String name, Messages msg) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Optional.of(msg.get("searches.nameEmpty"));
        }
        if (n.length() > NAME_LENGTH) {
            return Optional.of(msg.get("searches.nameTooLong", n.length(), NAME_LENGTH));
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(msg.get("searches.nameControl"));
        }
        if (saved.size() >= MAX && find(saved, n).isEmpty()) {
            return Optional.of(msg.get("searches.full", MAX));
        }
        return Optional.empty();
    }

    /** Whether {@code search} may join {@code saved} as read from the file: the rules above, and a name not taken. */
    static boolean fits(List<SavedSearch> saved, SavedSearch search) {
        String n = search.name();
        return !n.isBlank() && n.equals(n.strip()) && n.length() <= NAME_LENGTH && n.chars().noneMatch(Character::isISOControl)
                && search.query().length() <= JailFilter.MAX_QUERY && search.query().chars().noneMatch(Character::isISOControl)
                && saved.size() < MAX && find(saved, n).isEmpty();
    }

    static Optional<SavedSearch> find(List<SavedSearch> saved, String name) {
        return saved.stream().filter(s -> s.name().equals(name.strip())).findFirst();
    }

    /** {@code saved} with {@code query} under {@code name}: in the place of the one of that name, or at the end. */
    static List<SavedSearch> with(List<SavedSearch> saved, String name, String query) {
        SavedSearch search = new SavedSearch(name.strip(), query);
        List<SavedSearch> out = new ArrayList<>(saved);
        int at = out.indexOf(find(saved, name).orElse(null));
        if (at >= 0) {
            out.set(at, search);
        } else {
            out.add(search);
        }
        return out;
    }

    static List<SavedSearch> without(List<SavedSearch> saved, String name) {
        return saved.stream().filter(s -> !s.name().equals(name)).toList();
    }
}
