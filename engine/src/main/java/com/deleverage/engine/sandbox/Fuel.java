package com.deleverage.engine.sandbox;

/**
 * The meter policy code runs against. The sandbox rewrites every class of a policy so that each
 * backward branch calls {@link #tick()} and each array it allocates calls {@link #array(int)}; the
 * guards of {@link PolicyGuards} charge for text and decimals. Public only because generated classes
 * call it; nothing else should.
 */
public final class Fuel {
    private static final ThreadLocal<Meter> CURRENT = new ThreadLocal<>();

    private Fuel() {
    }

    /** One loop iteration. */
    public static void tick() {
        meter().spend(1);
    }

    /** An array of {@code length} elements: costs its length, and a negative length fails as Java would. */
    public static int array(int length) {
        if (length > 0) {
            meter().spend(length);
        }
        return length;
    }

    static Meter meter() {
        Meter meter = CURRENT.get();
        // Outside an evaluation only Drools' glue runs (wiring invokers while a version is built): every
        // path that runs rules - evaluations, sweeps, scenarios, the start-up probe - installs a meter.
        return meter == null ? Meter.UNMETERED : meter;
    }

    static Meter install(Meter meter) {
        Meter previous = CURRENT.get();
        CURRENT.set(meter);
        return previous;
    }

    static void restore(Meter previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
