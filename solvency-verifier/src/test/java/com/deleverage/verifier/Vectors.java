package com.deleverage.verifier;

/**
 * The worked example of docs/solvency.md, computed outside this code base (Python's hashlib, and for the first
 * commitment and leaf also {@code sha256sum}):
 * <pre>
 *   alice: salt 01 x 32, liability 150000000 (1.5)   commitment dcae218b...  leaf b04ecd38...
 *   bob:   salt 02 x 32, liability 2500000000 (25)   commitment a23d2bd1...  leaf 6ab4d2cd...
 *   carol: salt 03 x 32, liability 7 (0.00000007)    commitment 28026ede...  leaf 049e0911...
 *   padding: commitment 04 x 32, liability 0                                  leaf dfe04997...
 *   sorted by commitment: padding, carol, bob, alice (leaves 0..3)
 *   node(0,1) = 99f363f7..., sum 0 + 7 = 7;  node(2,3) = bfc71778..., sum 2500000000 + 150000000 = 2650000000
 *   root = 2112348f..., sum 2650000007
 * </pre>
 * {@code printf 'alice'; head -c 32 /dev/zero | tr '\0' '\1'} piped to {@code sha256sum} gives alice's
 * commitment; {@code printf '\x00'}, the commitment's bytes and {@code printf '%032x' 150000000 | xxd -r -p} give
 * her leaf.
 */
final class Vectors {
    static final String ROOT = "2112348f19c4c26d0720d23780048d56595cdd057ed2c7e91c0163c6460546aa";
    static final String ROOT_SUM = "2650000007";

    /** Alice, leaf 3: her siblings are bob's leaf (left of her) and the node over padding and carol (left). */
    static final String ALICE = "{\"epoch\":1,\"accountId\":\"alice\","
            + "\"salt\":\"" + "01".repeat(32) + "\",\"liability\":\"150000000\","
            + "\"accountCommitment\":\"dcae218b0b2f7a756676e9c8b78f8267909c2c20f78d764c29a696363fc8078e\","
            + "\"path\":[{\"side\":\"L\",\"hash\":\"6ab4d2cde16a73ce6fe61ebf28f5b635aed335c4cdf346b5c828f17c6315de2d\",\"sum\":\"2500000000\"},"
            + "{\"side\":\"L\",\"hash\":\"99f363f734420e95feba63905d74b3541c70386965eb72fbe8ada8cc434b96ff\",\"sum\":\"7\"}],"
            + "\"root\":{\"hash\":\"" + ROOT + "\",\"sum\":\"" + ROOT_SUM + "\"}}";

    /** Carol, leaf 1: her siblings are the padding leaf (left) and the node over bob and alice (right). */
    static final String CAROL = "{\"epoch\":1,\"accountId\":\"carol\","
            + "\"salt\":\"" + "03".repeat(32) + "\",\"liability\":\"7\","
            + "\"accountCommitment\":\"28026ede066e756b30a0e6e9995c2d14369260ec635173c7e0e690f0880b186e\","
            + "\"path\":[{\"side\":\"L\",\"hash\":\"dfe049973f2d1386a89fd7d2a2c05466f9ec38b2991d4c0f6da2843b15246f44\",\"sum\":\"0\"},"
            + "{\"side\":\"R\",\"hash\":\"bfc71778b1e751de2fd5cae8a5dc10ff9c091dccbef741318e97aaba4c6764df\",\"sum\":\"2650000000\"}],"
            + "\"root\":{\"hash\":\"" + ROOT + "\",\"sum\":\"" + ROOT_SUM + "\"}}";

    /** 27 USDT = 2700000000 units >= 2650000007: solvent. */
    static final String EPOCH = "{\"epoch\":1,\"asOf\":\"2025-10-10T21:15:00Z\",\"root\":{\"hash\":\"" + ROOT
            + "\",\"sum\":\"" + ROOT_SUM + "\"},\"reserves\":{\"USDT\":\"27\"},\"accountCount\":3,\"solvent\":true}";

    private Vectors() {
    }
}
