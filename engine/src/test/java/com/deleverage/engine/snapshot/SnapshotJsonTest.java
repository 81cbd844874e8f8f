package com.deleverage.engine.snapshot;

import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotJsonTest {
    private static final String VALID = """
            {"ruleSet": "deleveraging", "asOf": "2025-10-10T21:15:00Z",
             "markets": [{"symbol": "BTCUSDT", "markPrice": 103441.3, "indexPrice": "103500.1",
               "riskTiers": [{"notionalFloor": "0", "notionalCap": "50000", "maintenanceMarginRate": "0.004",
                              "maintenanceAmount": "0", "maxLeverage": 125}]}],
             "insuranceFunds": [{"symbol": "BTCUSDT", "balance": "2500000", "peakBalance8h": "3100000"}],
             "accounts": [{"id": "acct-1", "walletBalance": "1000", "marginMode": "CROSS",
               "positions": [{"symbol": "BTCUSDT", "quantity": "-0.5", "entryPrice": "112000", "leverage": 20,
                              "isolatedMargin": null}]}]}
            """;

    private final SnapshotJson json = SnapshotJson.json();
    private final SnapshotValidator validator = new SnapshotValidator();

    @Test
    void readsTheContractsExampleExactly() {
        Snapshot snapshot = json.read(VALID);

        assertThat(snapshot.asOf()).isEqualTo(Instant.parse("2025-10-10T21:15:00Z"));
        // A JSON number and a JSON string both arrive as the exact decimal, never through a double.
        assertThat(snapshot.markets().get(0).markPrice()).isEqualTo(new BigDecimal("103441.3"));
        assertThat(snapshot.markets().get(0).indexPrice()).isEqualTo(new BigDecimal("103500.1"));
        assertThat(snapshot.accounts().get(0).marginMode()).isEqualTo(MarginMode.CROSS);
        assertThat(snapshot.accounts().get(0).positions().get(0).quantity()).isEqualTo(new BigDecimal("-0.5"));
        assertThat(validator.validate(snapshot)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown enum value | "marginMode": "CROSS"       | "marginMode": "PORTFOLIO"       | accounts[0].marginMode          | 'PORTFOLIO' is not one of [CROSS, ISOLATED]
            non-numeric price  | "markPrice": 103441.3        | "markPrice": "NaN"              | markets[0].markPrice            | 'NaN' is not a decimal number (JSON number or string such as "103441.3")
            unknown field      | "leverage": 20               | "leverag": 20                   | accounts[0].positions[0].leverag | unknown field 'leverag'
            misspelt required  | "entryPrice": "112000"       | "entryPrise": "112000"          | accounts[0].positions[0]        | 'entryPrice' is required
            missing required   | "symbol": "BTCUSDT", "quantity" | "quantity"                  | accounts[0].positions[0]        | 'symbol' is required
            """)
    void malformedFieldsAreNamedByTheirPath(String name, String from, String to, String field, String message) {
        assertThatThrownBy(() -> json.read(VALID.replace(from, to)))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .containsExactly(new InputProblem(field, message)));
    }

    @Test
    void wrongShapesAreDescribedInJsonTerms() {
        assertThatThrownBy(() -> json.read("[1, 2]")).isInstanceOfSatisfying(InvalidSnapshotException.class,
                e -> assertThat(e.problems()).containsExactly(new InputProblem("", "expected a JSON object (the snapshot)")));
        assertThatThrownBy(() -> json.read(VALID.replace("\"accounts\": [{", "\"accounts\": [7, {")))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .containsExactly(new InputProblem("accounts[0]", "expected a JSON object")));
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> json.read("{\"asOf\": \"2025-10-10T21:15:00Z\",\n \"markets\": [}"))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("markets");
                            assertThat(p.message()).isEqualTo("malformed JSON at line 2, column 14: Unexpected close marker '}': expected ']'");
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative mark price | "markPrice": 103441.3            | "markPrice": -1                     | markets[0].markPrice                | must be greater than 0
            zero entry price    | "entryPrice": "112000"           | "entryPrice": "0"                   | accounts[0].positions[0].entryPrice | must be greater than 0
            zero funding cap    | "markPrice": 103441.3            | "markPrice": 103441.3, "fundingCap": "0" | markets[0].fundingCap           | must be greater than 0
            breaker of an earlier day | "markPrice": 103441.3     | "markPrice": 103441.3, "breaker": {"referencePrice": "121579.4", "sessionDate": "2025-10-09"} | markets[0].breaker.sessionDate | must be the UTC day of asOf (2025-10-10): a new day is a new session, with its own reference price
            breaker level 4     | "markPrice": 103441.3            | "markPrice": 103441.3, "breaker": {"referencePrice": "121579.4", "sessionDate": "2025-10-10", "highestLevelFired": 4} | markets[0].breaker.highestLevelFired | must be 0 (none) to 3
            breaker without a reference | "markPrice": 103441.3    | "markPrice": 103441.3, "breaker": {"sessionDate": "2025-10-10"} | markets[0].breaker.referencePrice | is required
            zero quantity       | "quantity": "-0.5"               | "quantity": "0"                     | accounts[0].positions[0].quantity   | must not be zero (positive long, negative short)
            unknown market      | "symbol": "BTCUSDT", "quantity"  | "symbol": "ETHUSDT", "quantity"     | accounts[0].positions[0].symbol     | unknown market 'ETHUSDT': not in markets
            absurd size         | "quantity": "-0.5"               | "quantity": "-1e16"                 | accounts[0].positions[0].quantity   | is absurdly large (above 10^15); check the unit
            tier gap at start   | "notionalFloor": "0"             | "notionalFloor": "10"               | markets[0].riskTiers[0].notionalFloor | the first tier must start at 0
            rate above one      | "maintenanceMarginRate": "0.004" | "maintenanceMarginRate": "4"        | markets[0].riskTiers[0].maintenanceMarginRate | must be a fraction between 0 and 1, e.g. 0.004
            isolated margin on cross | "isolatedMargin": null      | "isolatedMargin": "10"              | accounts[0].positions[0].isolatedMargin | must be null for a CROSS account
            """)
    void semanticallyInvalidSnapshotsAreNamedByTheirPath(String name, String from, String to, String field, String message) {
        Snapshot snapshot = json.read(VALID.replace(from, to));

        assertThat(validator.validate(snapshot)).containsExactly(new InputProblem(field, message));
    }

    @Test
    void tiersWithGapsOrOverlapsAreRefused() {
        String twoTiers = VALID.replace("\"maxLeverage\": 125}]", "\"maxLeverage\": 125}, "
                + "{\"notionalFloor\": \"60000\", \"notionalCap\": \"600000\", \"maintenanceMarginRate\": \"0.005\", "
                + "\"maintenanceAmount\": \"50\", \"maxLeverage\": 100}]");

        assertThat(validator.validate(json.read(twoTiers))).containsExactly(new InputProblem(
                "markets[0].riskTiers[1].notionalFloor", "gap: must equal the previous tier's notionalCap 50000"));
        assertThat(validator.validate(json.read(twoTiers.replace("\"60000\"", "\"40000\"")))).containsExactly(
                new InputProblem("markets[0].riskTiers[1].notionalFloor",
                        "overlap: must equal the previous tier's notionalCap 50000"));
    }

    @Test
    void duplicateAccountIdsAreRefused() {
        String twice = VALID.replace("\"accounts\": [{", "\"accounts\": [{\"id\": \"acct-1\", \"walletBalance\": \"5\", "
                + "\"marginMode\": \"CROSS\", \"positions\": []}, {");

        assertThat(validator.validate(json.read(twice)))
                .containsExactly(new InputProblem("accounts[1].id", "account 'acct-1' appears twice"));
    }
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tiny exponent as a string | "markPrice": 103441.3  | "markPrice": "1E-9999999"       | markets[0].markPrice             | has 9999999 digits after the decimal point; at most 18 are accepted
            tiny exponent as a number | "balance": "2500000"   | "balance": 1E-99999999          | insuranceFunds[0].balance        | has 99999999 digits after the decimal point; at most 18 are accepted
            huge exponent             | "walletBalance": "1000" | "walletBalance": "1E+999999999" | accounts[0].walletBalance        | has 1000000000 digits before the decimal point; at most 20 are accepted
            19 fraction digits        | "quantity": "-0.5"     | "quantity": "-0.5000000000000000001" | accounts[0].positions[0].quantity | has 19 digits after the decimal point; at most 18 are accepted
            21 integer digits         | "entryPrice": "112000" | "entryPrice": "100000000000000000000" | accounts[0].positions[0].entryPrice | has 21 digits before the decimal point; at most 20 are accepted
            """)
    void decimalsBeyondTheScaleOrExponentBoundsAreRefusedWhileRead(String name, String from, String to, String field,
                                                                  String message) {
        assertThatThrownBy(() -> json.read(VALID.replace(from, to)))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .containsExactly(new InputProblem(field, message)));
    }

    @Test
    void decimalsAtTheBoundsAndTrailingZerosAreRead() {
        Snapshot snapshot = json.read(VALID.replace("\"quantity\": \"-0.5\"", "\"quantity\": \"-0.500000000000000001000\"")
                .replace("\"walletBalance\": \"1000\"", "\"walletBalance\": \"99999999999999999999.000000\""));

        assertThat(snapshot.accounts().get(0).positions().get(0).quantity())
                .isEqualByComparingTo("-0.500000000000000001");
        assertThat(snapshot.accounts().get(0).walletBalance()).isEqualByComparingTo("99999999999999999999");
    }

    @Test
    void aDuplicateKeyIsRefusedAndNamed() {
        assertThatThrownBy(() -> json.read(VALID.replace("\"walletBalance\": \"1000\"",
                "\"walletBalance\": \"900\", \"walletBalance\": \"1000000\"")))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .containsExactly(new InputProblem("accounts[0].walletBalance",
                                "appears twice in the same object; send each field once")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            asOf beyond storage  | "asOf": "2025-10-10T21:15:00Z" | "asOf": "+1000000000-01-01T00:00:00Z" | asOf | must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z
            asOf before 1970     | "asOf": "2025-10-10T21:15:00Z" | "asOf": "1969-12-31T23:59:59Z"        | asOf | must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z
            long rule set name   | "ruleSet": "deleveraging"      | "ruleSet": "%s"                        | ruleSet | is 65 characters long; at most 64 are accepted
            blank symbol         | "symbol": "BTCUSDT", "markPrice" | "symbol": " ", "markPrice"          | markets[0].symbol | must not be blank
            """)
    void valuesBeyondWhatStorageHoldsAreRefused(String name, String from, String to, String field, String message) {
        Snapshot snapshot = json.read(VALID.replace(from, to.formatted("r".repeat(65))));

        assertThat(validator.validate(snapshot)).contains(new InputProblem(field, message));
    }

    @Test
    void anAccountIdLongerThanTheLogsColumnIsRefusedWithoutEchoingIt() {
        Snapshot snapshot = json.read(VALID.replace("\"acct-1\"", "\"" + "a".repeat(100_000) + "\""));

        assertThat(validator.validate(snapshot)).containsExactly(new InputProblem("accounts[0].id",
                "is 100000 characters long; at most 128 are accepted"));
        assertThat(validator.validate(json.read(VALID.replace("\"acct-1\"", "\"" + "a".repeat(128) + "\""))))
                .isEmpty();
    }
}
