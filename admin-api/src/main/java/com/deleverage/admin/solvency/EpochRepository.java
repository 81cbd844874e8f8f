package com.deleverage.admin.solvency;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Timestamps;
import com.deleverage.solvency.epoch.InclusionProof;
import com.deleverage.solvency.epoch.PlacedAccount;
import com.deleverage.solvency.tree.MerkleSumTree;
import com.deleverage.solvency.tree.NodePosition;
import com.deleverage.solvency.tree.Sibling;
import com.deleverage.solvency.tree.SumNode;
import com.deleverage.solvency.tree.SumTreeHash;
import com.deleverage.solvency.zk.CommittedNode;
import com.deleverage.solvency.zk.CommittedSibling;
import com.deleverage.solvency.zk.CommittedTree;
import com.deleverage.solvency.zk.Opening;
import com.deleverage.verifier.zk.RangeProofFile;
import com.deleverage.verifier.zk.Secp256k1;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Epochs, their accounts and every node of their trees, in the caller's transaction (or one of their own). */
@Singleton
@Transactional
class EpochRepository {
    private static final String EPOCH_COLUMNS = "epoch_no, as_of, root_hash, root_sum, tree_depth, account_count, "
            + "reserve_asset, reserve_amount, solvent, deficit_sum, deficit_count, published_by, published_at, "
            + "scheme, root_commitment, solvency_proof";

    private final Connection connection;
    private final ObjectMapper json;

    EpochRepository(Connection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    /** Inserts the epoch's row and returns the number the database gave it. */
    public long insert(StoredEpoch e) {
        return Jdbc.call(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO solvency_epoch (" + EPOCH_COLUMNS
                    .substring("epoch_no, ".length()) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Timestamps.set(insert, 1, e.asOf());
                insert.setString(2, e.root().hash());
                insert.setBigDecimal(3, new BigDecimal(e.root().sum()));
                insert.setInt(4, e.depth());
                insert.setInt(5, e.accountCount());
                insert.setString(6, e.reserveAsset());
                insert.setString(7, e.reserveAmount());
                insert.setBoolean(8, e.solvent());
                insert.setBigDecimal(9, new BigDecimal(e.deficitSum()));
                insert.setInt(10, e.deficitCount());
                insert.setString(11, e.publishedBy());
                Timestamps.set(insert, 12, e.publishedAt());
                insert.setString(13, e.scheme());
                insert.setString(14, e.rootCommitment());
                insert.setString(15, e.solvencyProof());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1); // epoch_no: the identity (H2), the first column of RETURNING * (PostgreSQL)
                }
            }
        });
    }

    public void insertAccounts(long epoch, List<PlacedAccount> accounts) {
        Jdbc.insertBatched(connection, "INSERT INTO solvency_account (epoch_no, account_id, salt, leaf_index, liability, deficit) "
                + "VALUES (?, ?, ?, ?, ?, ?)", accounts, (insert, a) -> {
            insert.setLong(1, epoch);
            insert.setString(2, a.accountId());
            insert.setString(3, a.salt());
            insert.setInt(4, a.leafIndex());
            insert.setBigDecimal(5, new BigDecimal(a.liability()));
            insert.setBigDecimal(6, new BigDecimal(a.deficit()));
        });
    }

    public void insertNodes(long epoch, MerkleSumTree tree) {
        Jdbc.insertBatched(connection, "INSERT INTO solvency_node (epoch_no, tree_level, position_no, hash, node_sum) VALUES (?, ?, ?, ?, ?)",
                slots(tree.depth(), tree.leafCount()), (insert, slot) -> {
                    SumNode node = tree.node(slot.level(), slot.index());
                    insert.setLong(1, epoch);
                    insert.setInt(2, slot.level());
                    insert.setInt(3, slot.index());
                    insert.setString(4, node.hash());
                    insert.setBigDecimal(5, new BigDecimal(node.sum()));
                });
    }

    public Optional<StoredEpoch> find(long epoch) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + EPOCH_COLUMNS + " FROM solvency_epoch WHERE epoch_no = ?")) {
                select.setLong(1, epoch);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(epoch(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<StoredEpoch> all() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + EPOCH_COLUMNS + " FROM solvency_epoch ORDER BY epoch_no");
                 ResultSet rs = select.executeQuery()) {
                List<StoredEpoch> epochs = new ArrayList<>();
                while (rs.next()) {
                    epochs.add(epoch(rs));
                }
                return epochs;
            }
        });
    }

    /** The accounts of an epoch with a deficit, by account id. */
    public List<EpochView.AccountDeficit> deficits(long epoch) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, deficit FROM solvency_account "
                    + "WHERE epoch_no = ? AND deficit > 0 ORDER BY account_id")) {
                select.setLong(1, epoch);
                try (ResultSet rs = select.executeQuery()) {
                    List<EpochView.AccountDeficit> deficits = new ArrayList<>();
                    while (rs.next()) {
                        deficits.add(new EpochView.AccountDeficit(rs.getString(1), integer(rs, 2)));
                    }
                    return deficits;
                }
            }
        });
    }

    /** An account's proof: its row, and the stored sibling of each level of the path. */
    public Optional<InclusionProof> proof(StoredEpoch epoch, String accountId) {
        return Jdbc.call(() -> {
            String salt;
            int leafIndex;
            BigInteger liability;
            try (PreparedStatement select = connection.prepareStatement("SELECT salt, leaf_index, liability "
                    + "FROM solvency_account WHERE epoch_no = ? AND account_id = ?")) {
                select.setLong(1, epoch.epoch());
                select.setString(2, accountId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    salt = rs.getString(1);
                    leafIndex = rs.getInt(2);
                    liability = integer(rs, 3);
                }
            }
            List<Sibling> path = new ArrayList<>(epoch.depth());
            try (PreparedStatement select = connection.prepareStatement("SELECT hash, node_sum FROM solvency_node "
                    + "WHERE epoch_no = ? AND tree_level = ? AND position_no = ?")) {
                for (NodePosition sibling : NodePosition.siblingsOf(leafIndex, epoch.depth())) {
                    select.setLong(1, epoch.epoch());
                    select.setInt(2, sibling.level());
                    select.setInt(3, sibling.index());
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("epoch " + epoch.epoch() + " has no stored node at level "
                                    + sibling.level() + ", position " + sibling.index());
                        }
                        path.add(new Sibling(sibling.side(), rs.getString(1), integer(rs, 2)));
                    }
                }
            }
            String commitment = HexFormat.of().formatHex(new SumTreeHash().commitment(accountId, HexFormat.of().parseHex(salt)));
            return Optional.of(new InclusionProof(epoch.epoch(), accountId, salt, liability, commitment, path, epoch.root()));
        });
    }

    /** Every node of a zero-knowledge tree: hash, commitment and opening (value and blinding, the venue's secret). */
    public void insertCommittedNodes(long epoch, CommittedTree tree) {
        Jdbc.insertBatched(connection, "INSERT INTO solvency_node (epoch_no, tree_level, position_no, hash, node_sum, commitment, blinding) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", slots(tree.depth(), tree.leafCount()), (insert, slot) -> {
            CommittedNode node = tree.node(slot.level(), slot.index());
            Opening opening = tree.opening(slot.level(), slot.index());
            insert.setLong(1, epoch);
            insert.setInt(2, slot.level());
            insert.setInt(3, slot.index());
            insert.setString(4, node.hash());
            insert.setBigDecimal(5, new BigDecimal(opening.value()));
            insert.setString(6, node.commitment());
            insert.setString(7, Secp256k1.hex(opening.blinding()));
        });
    }

    /** A node's place in a tree: its level (0: the leaves) and its index in the level. */
    private record Slot(int level, int index) {
    }

    /** Every node of a tree of {@code depth} with {@code leafCount} leaves, level by level from the leaves. */
    private static List<Slot> slots(int depth, int leafCount) {
        List<Slot> out = new ArrayList<>();
        for (int level = 0; level <= depth; level++) {
            for (int index = 0; index < leafCount >>> level; index++) {
                out.add(new Slot(level, index));
            }
        }
        return out;
    }

    /** What a zero-knowledge proof of an account is made of: its place, its leaf's opening, its path's siblings. */
    record ZkPath(PlacedAccount account, Opening own, List<CommittedSibling> path, List<Opening> openings) {
    }

    /** The stored path of an account of a zero-knowledge epoch, with every opening its range proof needs. */
    public Optional<ZkPath> zkPath(StoredEpoch epoch, String accountId) {
        return Jdbc.call(() -> {
            PlacedAccount account;
            try (PreparedStatement select = connection.prepareStatement("SELECT salt, leaf_index, liability, deficit "
                    + "FROM solvency_account WHERE epoch_no = ? AND account_id = ?")) {
                select.setLong(1, epoch.epoch());
                select.setString(2, accountId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String salt = rs.getString(1);
                    String commitment = HexFormat.of().formatHex(new SumTreeHash().commitment(accountId,
                            HexFormat.of().parseHex(salt)));
                    account = new PlacedAccount(accountId, salt, commitment, rs.getInt(2), integer(rs, 3), integer(rs, 4));
                }
            }
            Opening own = committedNode(epoch.epoch(), 0, account.leafIndex()).opening();
            List<CommittedSibling> path = new ArrayList<>(epoch.depth());
            List<Opening> openings = new ArrayList<>(epoch.depth());
            for (NodePosition sibling : NodePosition.siblingsOf(account.leafIndex(), epoch.depth())) {
                StoredCommittedNode node = committedNode(epoch.epoch(), sibling.level(), sibling.index());
                path.add(new CommittedSibling(sibling.side(), node.hash(), node.commitment()));
                openings.add(node.opening());
            }
            return Optional.of(new ZkPath(account, own, path, openings));
        });
    }

    /** One solvency_node row of a zero-knowledge tree. */
    record StoredCommittedNode(String hash, String commitment, Opening opening) {
    }

    private StoredCommittedNode committedNode(long epoch, int level, int index) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT hash, commitment, node_sum, blinding "
                + "FROM solvency_node WHERE epoch_no = ? AND tree_level = ? AND position_no = ?")) {
            select.setLong(1, epoch);
            select.setInt(2, level);
            select.setInt(3, index);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("epoch " + epoch + " has no stored node at level " + level
                            + ", position " + index);
                }
                return committedNode(rs);
            }
        }
    }

    /** The stored nodes of one level of a zero-knowledge tree, left to right. */
    public List<StoredCommittedNode> committedLevel(long epoch, int level) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hash, commitment, node_sum, blinding "
                    + "FROM solvency_node WHERE epoch_no = ? AND tree_level = ? ORDER BY position_no")) {
                select.setLong(1, epoch);
                select.setInt(2, level);
                try (ResultSet rs = select.executeQuery()) {
                    List<StoredCommittedNode> nodes = new ArrayList<>();
                    while (rs.next()) {
                        nodes.add(committedNode(rs));
                    }
                    return nodes;
                }
            }
        });
    }

    private static StoredCommittedNode committedNode(ResultSet rs) throws SQLException {
        return new StoredCommittedNode(rs.getString(1), rs.getString(2),
                new Opening(integer(rs, 3), new BigInteger(rs.getString(4), 16)));
    }

    /** The stored solvency proof of a zero-knowledge epoch, as JSON reads it. */
    RangeProofFile solvencyProof(StoredEpoch epoch) {
        try {
            return json.readValue(epoch.solvencyProof(), RangeProofFile.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("epoch " + epoch.epoch() + "'s stored solvency proof is not JSON", e);
        }
    }

    /** The JSON stored for a solvency proof. */
    String solvencyProofJson(RangeProofFile proof) {
        try {
            return json.writeValueAsString(proof);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a range proof always serialises", e);
        }
    }

    /** The stored nodes of one level of an epoch's tree, left to right. */
    public List<SumNode> level(long epoch, int level) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hash, node_sum FROM solvency_node "
                    + "WHERE epoch_no = ? AND tree_level = ? ORDER BY position_no")) {
                select.setLong(1, epoch);
                select.setInt(2, level);
                try (ResultSet rs = select.executeQuery()) {
                    List<SumNode> nodes = new ArrayList<>();
                    while (rs.next()) {
                        nodes.add(new SumNode(rs.getString(1), integer(rs, 2)));
                    }
                    return nodes;
                }
            }
        });
    }

    /** One solvency_account row, as much of it as its leaf binds. */
    record StoredAccount(String accountId, String salt, int leafIndex, BigInteger liability) {
    }

    /** Each stored account of an epoch, by leaf. */
    public List<StoredAccount> accounts(long epoch) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, salt, leaf_index, liability "
                    + "FROM solvency_account WHERE epoch_no = ? ORDER BY leaf_index")) {
                select.setLong(1, epoch);
                try (ResultSet rs = select.executeQuery()) {
                    List<StoredAccount> accounts = new ArrayList<>();
                    while (rs.next()) {
                        accounts.add(new StoredAccount(rs.getString(1), rs.getString(2), rs.getInt(3), integer(rs, 4)));
                    }
                    return accounts;
                }
            }
        });
    }

    private static StoredEpoch epoch(ResultSet rs) throws SQLException {
        return new StoredEpoch(rs.getLong("epoch_no"), Timestamps.get(rs, "as_of"),
                new SumNode(rs.getString("root_hash"), integer(rs, "root_sum")), rs.getInt("tree_depth"),
                rs.getInt("account_count"), rs.getString("reserve_asset"), rs.getString("reserve_amount"),
                rs.getBoolean("solvent"), integer(rs, "deficit_sum"), rs.getInt("deficit_count"),
                rs.getString("published_by"), Timestamps.get(rs, "published_at"), rs.getString("root_commitment"),
                rs.getString("solvency_proof"));
    }

    private static BigInteger integer(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }

    private static BigInteger integer(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }
}
