package com.deleverage.admin.solvency;

import com.deleverage.admin.refusal.NotFound;
import com.deleverage.solvency.epoch.AccountProof;
import com.deleverage.solvency.zk.CommittedNode;
import com.deleverage.solvency.zk.RangeProver;
import com.deleverage.solvency.zk.ZkProofs;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.Map;

/** Reading published epochs and their accounts' proofs. */
@Singleton
public class EpochQueries {
    private final EpochRepository repository;
    private final RangeProver prover;

    EpochQueries(EpochRepository repository, RangeProver prover) {
        this.repository = repository;
        this.prover = prover;
    }

    /** @throws NotFound for an epoch never published */
    @ReadOnly
    public EpochView epoch(long number) {
        return view(repository.find(number).orElseThrow(() -> noEpoch(number)));
    }

    /**
     * The account's proof: step 1's inclusion proof, or for a zero-knowledge epoch its proof with a range proof
     * made now (the costly part: about a range proof of 64 bits per level of the tree).
     *
     * @throws NotFound for an epoch never published, or an account not in it
     */
    public AccountProof proof(long number, String accountId) {
        // Each read is a transaction of its own (the repository's): none is held while the range proof is made.
        StoredEpoch epoch = repository.find(number).orElseThrow(() -> noEpoch(number));
        if (!epoch.zeroKnowledge()) {
            return repository.proof(epoch, accountId).orElseThrow(() -> noAccount(number, accountId));
        }
        EpochRepository.ZkPath path = repository.zkPath(epoch, accountId).orElseThrow(() -> noAccount(number, accountId));
        return ZkProofs.inclusion(epoch.epoch(), path.account(), path.own(), path.path(), path.openings(),
                new CommittedNode(epoch.root().hash(), epoch.rootCommitment()), prover);
    }

    /** The epoch as the API shows it, read in the caller's transaction. */
    EpochView view(StoredEpoch e) {
        EpochView.Root root = e.zeroKnowledge()
                ? new EpochView.Root(e.root().hash(), null, e.rootCommitment())
                : new EpochView.Root(e.root().hash(), e.root().sum(), null);
        return new EpochView(e.epoch(), e.asOf(), root, Map.of(e.reserveAsset(), e.reserveAmount()),
                e.accountCount(), e.solvent(), new EpochView.Deficits(e.deficitSum(), repository.deficits(e.epoch())),
                e.publishedBy(), e.publishedAt(), e.zeroKnowledge() ? Boolean.TRUE : null,
                e.solvencyProof() == null ? null : repository.solvencyProof(e));
    }

    private static NotFound noAccount(long number, String accountId) {
        return new NotFound("epoch " + number + " has no account '" + accountId + "'");
    }

    private static NotFound noEpoch(long number) {
        return new NotFound("no solvency epoch " + number);
    }
}
