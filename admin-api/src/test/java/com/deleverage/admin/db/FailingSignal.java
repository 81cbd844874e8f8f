package com.deleverage.admin.db;

import com.deleverage.admin.activation.ActivationSignal;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * The real fleet signal with a switch that makes it throw. It is the last step of an approval's and of an
 * activation's transaction, after the version rows, the activation event and the audit row are written: a
 * failure here is a failure half-way through, with everything else of the operation already sent to the database.
 */
@Singleton
@Replaces(ActivationSignal.class)
@Requires(property = FailingSignal.ENABLED, value = "true")
public class FailingSignal extends ActivationSignal {
    static final String ENABLED = "test.failing-signal";

    /** What the switched-on signal throws. */
    static final class SignalFailed extends RuntimeException {
        SignalFailed() {
            super("the signal failed after the rest of the transaction was written");
        }
    }

    private volatile boolean failing;

    public FailingSignal(Connection connection) {
        super(connection);
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void send(String ruleSet) {
        if (failing) {
            throw new SignalFailed();
        }
        super.send(ruleSet);
    }
}
