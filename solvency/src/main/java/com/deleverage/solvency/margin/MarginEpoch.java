package com.deleverage.solvency.margin;

import com.deleverage.verifier.margin.MarginOpeningFile;

import java.util.Map;

/**
 * A margin epoch as published ({@code epoch.json} and {@code pools.jsonl}, byte for byte what {@code verify-margin}
 * reads), its digest (what goes into the audit hash chain) and each account holder's opening (given to that holder
 * only).
 *
 * @param digest   64 hex digits: SHA-256 of both files ({@link com.deleverage.verifier.MarginCheck#digest})
 * @param openings by account id
 * @param linked   pools that relied on an action
 */
public record MarginEpoch(byte[] epochJson, byte[] poolsJsonl, String digest,
                          Map<String, MarginOpeningFile> openings, int pools, int linked) {
}
