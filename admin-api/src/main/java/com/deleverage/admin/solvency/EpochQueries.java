package com.deleverage.admin.solvency;

import com.deleverage.admin.db.Database;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.solvency.epoch.InclusionProof;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Reading published epochs and their accounts' proofs. */
@Singleton
public class EpochQueries {
    private final Database database;
    private final EpochRepository repository;

    EpochQueries(Database database, EpochRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    /** @throws NotFound for an epoch never published */
    public EpochView epoch(long number) {
        return database.inTransaction(connection -> view(connection, repository.find(connection, number)
                .orElseThrow(() -> noEpoch(number))));
    }

    /** @throws NotFound for an epoch never published, or an account not in it */
    public InclusionProof proof(long number, String accountId) {
        return database.inTransaction(connection -> {
            StoredEpoch epoch = repository.find(connection, number).orElseThrow(() -> noEpoch(number));
            return repository.proof(connection, epoch, accountId).orElseThrow(() -> new NotFound(
                    "epoch " + number + " has no account '" + accountId + "'"));
        });
    }

    /** The epoch as the API shows it. */
    EpochView view(Connection connection, StoredEpoch e) throws SQLException {
        return new EpochView(e.epoch(), e.asOf(), e.root(), Map.of(e.reserveAsset(), e.reserveAmount()),
                e.accountCount(), e.solvent(), new EpochView.Deficits(e.deficitSum(), repository.deficits(connection,
                e.epoch())), e.publishedBy(), e.publishedAt());
    }

    private static NotFound noEpoch(long number) {
        return new NotFound("no solvency epoch " + number);
    }
}
