package com.deleverage.admin.solvency;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.epoch.EpochTree;
import com.deleverage.solvency.epoch.Liabilities;
import com.deleverage.solvency.epoch.Reserve;
import com.deleverage.solvency.epoch.PlacedAccount;
import com.deleverage.solvency.tree.AmountOverflowException;
import com.deleverage.solvency.tree.SumNode;
import com.deleverage.solvency.zk.CommittedTree;
import com.deleverage.solvency.zk.RangeProver;
import com.deleverage.solvency.zk.ZkEpochTree;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * Publishes an epoch: the liabilities of a snapshot in a Merkle-sum tree (step 1) or a tree of Pedersen
 * commitments with its solvency proof (step 2, zero knowledge) with fresh salts, the reserve's claim, and the root
 * in the audit chain. The epoch, its accounts, its nodes and its audit row commit together or not
 * at all, so no epoch is ever stored that the chain does not bind.
 */
@Singleton
public class EpochPublisher {
    private final TransactionOperations<Connection> transactions;
    private final EpochRepository repository;
    private final EpochQueries queries;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Liabilities liabilities = new Liabilities();
    private final SecureRandom random = new SecureRandom();
    private final RangeProver prover;

    EpochPublisher(TransactionOperations<Connection> transactions, EpochRepository repository, EpochQueries queries,
                   AuditLog auditLog, Clock clock, RangeProver prover) {
        this.prover = prover;
        this.transactions = transactions;
        this.repository = repository;
        this.queries = queries;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * @throws InvalidInput for an invalid request
     * @throws Unprocessable when the liabilities do not fit the format
     */
    public EpochView publish(EpochRequest request, String actor) {
        Reserve reserve = request.validated();
        Snapshot snapshot = request.snapshot();
        List<AccountLiability> owed = liabilities.of(snapshot);
        BigInteger deficitSum = owed.stream().map(AccountLiability::deficit).reduce(BigInteger.ZERO, BigInteger::add);
        int deficitCount = (int) owed.stream().filter(a -> a.deficit().signum() > 0).count();
        return request.isZeroKnowledge()
                ? publishZeroKnowledge(snapshot, owed, reserve, deficitSum, deficitCount, actor)
                : publishMerkleSum(snapshot, owed, reserve, deficitSum, deficitCount, actor);
    }

    private EpochView publishMerkleSum(Snapshot snapshot, List<AccountLiability> owed, Reserve reserve,
                                       BigInteger deficitSum, int deficitCount, String actor) {
        EpochTree tree;
        try {
            tree = EpochTree.build(owed, random);
        } catch (AmountOverflowException e) {
            throw new Unprocessable("the snapshot's liabilities cannot be committed to: " + e.getMessage()
                    + " (the proof format holds whole units of 10^-8 below 2^128)");
        }
        BigInteger rootSum = tree.tree().root().sum();
        StoredEpoch draft = new StoredEpoch(0, snapshot.asOf(), tree.tree().root(), tree.tree().depth(), owed.size(),
                reserve.asset(), reserve.amount().stripTrailingZeros().toPlainString(), reserve.covers(rootSum),
                deficitSum, deficitCount, actor, clock.instant(), null, null);
        return store(draft, actor, tree.accounts(), number -> repository.insertNodes(number, tree.tree()));
    }

    /**
     * A step-2 epoch: the tree of commitments, and when the reserve covers the (hidden) total, the range proof
     * that says so. Amounts must fit the range proofs' 64 bits.
     */
    private EpochView publishZeroKnowledge(Snapshot snapshot, List<AccountLiability> owed, Reserve reserve,
                                           BigInteger deficitSum, int deficitCount, String actor) {
        if (reserve.units().compareTo(CommittedTree.MAX_VALUE) > 0) {
            throw new Unprocessable("a zero-knowledge epoch takes a reserve below 2^64 units of 10^-8 "
                    + "(184467440737.09551616), not " + reserve.amount().toPlainString());
        }
        ZkEpochTree tree;
        try {
            tree = ZkEpochTree.build(owed, random);
        } catch (AmountOverflowException e) {
            throw new Unprocessable("the snapshot's liabilities cannot be committed to: " + e.getMessage());
        }
        CommittedTree committed = tree.tree();
        BigInteger total = committed.opening(committed.depth(), 0).value();
        boolean solvent = reserve.covers(total);
        String proof = solvent ? repository.solvencyProofJson(tree.solvencyProof(reserve.units(), prover).toFile()) : null;
        StoredEpoch draft = new StoredEpoch(0, snapshot.asOf(), new SumNode(committed.root().hash(), total),
                committed.depth(), owed.size(), reserve.asset(), reserve.amount().stripTrailingZeros().toPlainString(),
                solvent, deficitSum, deficitCount, actor, clock.instant(), committed.root().commitment(), proof);
        return store(draft, actor, tree.accounts(), number -> repository.insertCommittedNodes(number, committed));
    }

    /** Writes the nodes of a tree under the epoch number the database gave, in the epoch's transaction. */
    @FunctionalInterface
    private interface NodeWriter {
        void write(long epoch);
    }

    private EpochView store(StoredEpoch draft, String actor, List<PlacedAccount> accounts, NodeWriter nodes) {
        return transactions.executeWrite(status -> {
            long number = repository.insert(draft);
            // Read back: the statement is made of what is stored (times as the database keeps them), as verify reads it.
            StoredEpoch epoch = repository.find(number).orElseThrow();
            EpochStatement statement = EpochStatement.of(epoch);
            auditLog.append(new AuditEvent(actor, AuditAction.SOLVENCY_EPOCH_PUBLISHED, null,
                    Math.toIntExact(number), statement.rootHash(), statement.text()));
            repository.insertAccounts(number, accounts);
            nodes.write(number);
            return queries.view(epoch);
        });
    }
}
