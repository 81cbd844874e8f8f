package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a staged node announces a version on the stream, and which version its partitions may decide with at an
 * announcement: the node's own activation, never another one before its patience runs out.
 */
class PolicySwitchesTest {
    private static CompiledVersion first;
    private static CompiledVersion second;

    @BeforeAll
    static void compile() {
        first = ReferencePolicy.compile(1);
        second = ReferencePolicy.compile(2);
    }

    @Test
    void aNodeAnnouncesAtItsStartOnlyWhatItsPartitionsDoNotDecideWithAndThenEveryActivationOnce() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(first);
        PolicySwitches starting = new PolicySwitches(registry, "deleveraging");
        assertThat(starting.toAnnounce(List.of())).as("no partition yet").isNull();
        assertThat(starting.toAnnounce(List.of(0, 0))).as("a stream that has announced nothing").isEqualTo(1);
        assertThat(starting.toAnnounce(List.of(1, 1))).as("already announced").isNull();

        PolicySwitches restarted = new PolicySwitches(registry, "deleveraging");
        assertThat(restarted.toAnnounce(List.of(1, 1))).as("its partitions decide with its version").isNull();
        registry.activate(second);
        assertThat(restarted.toAnnounce(List.of(1, 1))).as("an activation").isEqualTo(2);
        assertThat(restarted.toAnnounce(List.of(1, 1))).as("announced once, whatever the partitions decide until the record").isNull();
    }

    @Test
    void aPartitionWaitsAtAnAnnouncementOfAVersionItsNodeHasNotActivated() {
        ActiveVersions registry = new ActiveVersions();
        registry.activate(first);
        PolicySwitches switches = new PolicySwitches(registry, "deleveraging");
        assertThat(switches.lease(2)).as("version 2's NOTIFY has not reached this node").isNull();
        try (CompiledVersion.Lease lease = switches.lease(1)) {
            assertThat(lease.version().version()).isEqualTo(1);
        }
        registry.activate(second);
        try (CompiledVersion.Lease lease = switches.lease(2)) {
            assertThat(lease.version().version()).as("activated now").isEqualTo(2);
        }
    }
}
