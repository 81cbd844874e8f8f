package com.deleverage.admin.solvency;

import com.deleverage.solvency.tree.SumNode;

import java.math.BigInteger;
import java.time.Instant;

/** One solvency_epoch row. */
record StoredEpoch(long epoch, Instant asOf, SumNode root, int depth, int accountCount, String reserveAsset,
                   String reserveAmount, boolean solvent, BigInteger deficitSum, int deficitCount, String publishedBy,
                   Instant publishedAt) {
}
