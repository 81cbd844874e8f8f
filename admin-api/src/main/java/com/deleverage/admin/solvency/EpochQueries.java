package com.deleverage.admin.solvency;

import com.deleverage.admin.db.Database;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.solvency.epoch.AccountProof;
import com.deleverage.solvency.zk.CommittedNode;
import com.deleverage.solvency.zk.RangeProver;
import com.deleverage.solvency.zk.ZkProofs;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Reading published epochs and their accounts' proofs. */
@Singleton
public class EpochQueries {
    private final Database database;
    private final EpochRepository repository;
    private final RangeProver prover;

    EpochQueries(Database database, EpochRepository repository, RangeProver prover) {
        this.database = database;
        this.repository = repository;
        this.prover = prover;
    }

    /** @throws NotFound for an epoch never published */
    public EpochView epoch(long number) {
        return database.inTransaction(connection -> view(connection, repository.find(connection, number)
                .orElseThrow(() -> noEpoch(number))));
    }

    /**
     * The account's proof: step 1's inclusion proof, or for a zero-knowledge epoch its proof with a range proof
     * made now (the costly part: about a range proof of 64 bits per level of the tree).
     *
     * @throws NotFound for an epoch never published, or an account not in it
     */
    public AccountProof proof(long number, String accountId) {
        StoredEpoch epoch = database.inTransaction(connection -> repository.find(connection, number))
                .orElseThrow(() -> noEpoch(number));
        if (!epoch.zeroKnowledge()) {
            return database.inTransaction(connection -> repository.proof(connection, epoch, accountId))
                    .orElseThrow(() -> noAccount(number, accountId));
        }
        EpochRepository.ZkPath path = database.inTransaction(connection -> repository.zkPath(connection, epoch,
                accountId)).orElseThrow(() -> noAccount(number, accountId));
        // Proven outside the transaction: no connection is held while the range proof is made.
        return ZkProofs.inclusion(epoch.epoch(), path.account(), path.own(), path.path(), path.openings(),
                new CommittedNode(epoch.root().hash(), epoch.rootCommitment()), prover);
    }

    /** The epoch as the API shows it. */
    EpochView view(Connection connection, StoredEpoch e) throws SQLException {
        EpochView.Root root = e.zeroKnowledge()
                ? new EpochView.Root(e.root().hash(), null, e.rootCommitment())
                : new EpochView.Root(e.root().hash(), e.root().sum(), null);
        return new EpochView(e.epoch(), e.asOf(), root, Map.of(e.reserveAsset(), e.reserveAmount()),
                e.accountCount(), e.solvent(), new EpochView.Deficits(e.deficitSum(), repository.deficits(connection,
                e.epoch())), e.publishedBy(), e.publishedAt(), e.zeroKnowledge() ? Boolean.TRUE : null,
                e.solvencyProof() == null ? null : repository.solvencyProof(e));
    }

    private static NotFound noAccount(long number, String accountId) {
        return new NotFound("epoch " + number + " has no account '" + accountId + "'");
    }

    private static NotFound noEpoch(long number) {
        return new NotFound("no solvency epoch " + number);
    }
}
