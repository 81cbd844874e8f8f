package com.deleverage.admin.replay;

import com.deleverage.admin.ReferencePolicies;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.engine.snapshot.InputProblem;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/**
 * The market data folder of server-side replays: by default the repository's {@code market-data/}, relative
 * to the working directory; a missing folder's error names the setting and the folder looked at.
 */
class ReplayDataDirectoryTest {
    /** The README's replay API example names this file of the bundled folder. */
    static final String README_EXAMPLE = "binance_usdm_BTCUSDT_perp_5m_2025-09-19_to_2025-10-27.csv";

    @Test
    void theDefaultIsMarketDataInTheWorkingDirectory() {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertThat(context.getBean(ReplayDataDirectory.class).folder())
                    .isEqualTo(Path.of("market-data").toAbsolutePath().normalize());
        }
    }

    @Test
    void theBundledFolderHoldsTheReadmeExample() throws Exception {
        Path bundled = ReferencePolicies.rules().resolve("../market-data").toAbsolutePath().normalize();
        Path file = new ReplayDataDirectory(bundled.toString()).resolve(README_EXAMPLE, "prices[0].path");
        assertThat(file).isEqualTo(bundled.resolve(README_EXAMPLE).toRealPath());
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void aMissingFolderIsNamedWithItsSetting(@TempDir Path tmp) {
        Path absent = tmp.resolve("no-such-folder");
        ReplayDataDirectory directory = new ReplayDataDirectory(absent.toString());
        assertThatThrownBy(() -> directory.resolve(README_EXAMPLE, "prices[0].path"))
                .asInstanceOf(type(InvalidInput.class))
                .satisfies(problem -> {
                    assertThat(problem.getMessage()).isEqualTo("prices[0].path: the market data folder " + absent
                            + " does not exist on this server (set deleveraging.replay.data-dir to the folder of the"
                            + " price files)");
                    assertThat(problem.errors()).containsExactly(new InputProblem("prices[0].path",
                            "the market data folder " + absent + " does not exist on this server (set "
                                    + "deleveraging.replay.data-dir to the folder of the price files)"));
                });
    }

    @Test
    void aFolderCreatedAfterStartIsUsedWithoutARestart(@TempDir Path tmp) throws Exception {
        Path later = tmp.resolve("later");
        ReplayDataDirectory directory = new ReplayDataDirectory(later.toString());
        assertThatThrownBy(() -> directory.resolve("a.csv", "prices[0].path")).isInstanceOf(InvalidInput.class);
        Files.createDirectories(later);
        Files.writeString(later.resolve("a.csv"), "timestamp_ms,datetime_utc,open,high,low,close,volume\n");
        assertThat(directory.resolve("a.csv", "prices[0].path")).isEqualTo(later.resolve("a.csv").toRealPath());
    }
}
