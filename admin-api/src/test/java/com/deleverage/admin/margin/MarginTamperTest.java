package com.deleverage.admin.margin;

import com.deleverage.admin.Api;
import com.deleverage.admin.EpochTampering;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;


/**
 * Someone with write access to the database changes a published margin epoch: a file served for
 * {@code verify-margin}, or the epoch itself; {@code /audit/verify} names the epoch against its
 * MARGIN_EPOCH_PUBLISHED row. Each test has a fresh database with the README snapshot's epoch.
 */
@MicronautTest(environments = "dev", rebuildContext = true, transactional = false)
@Property(name = "deleveraging.seed.classpath-folder", value = "policies/deleveraging")
class MarginTamperTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    EpochTampering tampering;
    long epoch;

    @BeforeEach
    void publish() throws IOException {
        tampering = new EpochTampering(new Api(http), dataSource, "margin");
        epoch = tampering.publish("/api/v1/margin/epochs", Files.readString(Path.of("../docs/api/evaluation-request.json")));
    }

    @Test
    void aChangedMarkInTheServedFileIsNamed() throws SQLException {
        tampering.sql("UPDATE margin_epoch SET epoch_file = REPLACE(epoch_file, '\"103441.3\"', '\"103441.4\"')");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "'s stored files give digest sha256:");
    }

    @Test
    void aChangedPoolLineIsNamed() throws SQLException {
        tampering.sql("UPDATE margin_epoch SET pools_file = REPLACE(pools_file, '\"link\":null', '\"link\": null')");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "but the chain (row ");
    }

    @Test
    void aDeletedEpochIsNamed() throws SQLException {
        tampering.sql("DELETE FROM margin_opening");
        tampering.sql("DELETE FROM margin_epoch");
        tampering.assertOnlyBreak(epoch, "EPOCH_MISMATCH", "published margin epoch " + epoch + ", which is no longer stored");
    }
}
