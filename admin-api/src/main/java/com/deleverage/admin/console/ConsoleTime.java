package com.deleverage.admin.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as every console page shows them: UTC, to the second, with the zone written out. */
public final class ConsoleTime {
    public static final ConsoleTime UTC = new ConsoleTime();
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsoleTime() {
    }

    /** {@code 2026-12-05 11:31:18 UTC}; an empty text for no time. */
    public String utc(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
