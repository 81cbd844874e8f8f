package com.deleverage.admin.executor;

import com.deleverage.admin.SeedPolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The seed policy plus {@code rules} generated watch-list rules: a version that takes seconds to validate
 * (compile, lint, scenarios) and behaves like the seed, because each generated rule matches only a market
 * {@code WATCH-<n>} that no snapshot holds and inserts a fact of its own declared type that no rule reads.
 */
final class LargeVersions {
    private LargeVersions() {
    }

    static Map<String, String> files(int rules, String salt) {
        StringBuilder drl = new StringBuilder("// generated for an isolation test (").append(salt).append(")\n")
                .append("package deleveraging;\n\nimport com.deleverage.engine.model.Market;\n\n")
                .append("declare WatchListHit\n    symbol : String\n    rule : int\nend\n\n");
        for (int i = 1; i <= rules; i++) {
            String symbol = String.format("WATCH-%04d", i);
            drl.append("rule \"Watch list ").append(i).append("\"\nwhen\n    $m : Market( symbol == \"").append(symbol)
                    .append("\", markPrice > ").append(1000 + i).append(" )\nthen\n    insert(new WatchListHit($m.symbol(), ")
                    .append(i).append("));\nend\n\n");
        }
        Map<String, String> files = new LinkedHashMap<>(SeedPolicy.files());
        files.put("generated-watch-list.drl", drl.toString());
        return files;
    }
}
