package com.deleverage.streaming;

import com.deleverage.engine.stage.AccountHandover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which accounts' hand-over facts a tick changes, against what the account stage has published: an account whose
 * facts are gone is published with none, so the market stage drops them.
 */
final class HandoverChanges {
    private final Map<String, AccountHandover> published = new HashMap<>();

    List<AccountHandover> after(Map<String, AccountHandover> now) {
        List<AccountHandover> out = new ArrayList<>();
        now.forEach((account, facts) -> {
            if (!facts.equals(published.get(account))) {
                out.add(facts);
            }
        });
        new TreeSet<>(published.keySet()).stream()
                .filter(account -> !now.containsKey(account) && !published.get(account).facts().isEmpty())
                .forEach(account -> out.add(new AccountHandover(account, List.of())));
        return out;
    }

    void published(List<AccountHandover> changes) {
        changes.forEach(h -> published.put(h.accountId(), h));
    }
}
