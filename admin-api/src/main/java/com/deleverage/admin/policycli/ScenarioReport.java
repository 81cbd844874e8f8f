package com.deleverage.admin.policycli;

import com.deleverage.admin.policycli.ScenarioTestRun.Outcome;
import com.deleverage.admin.policycli.ScenarioTestRun.UncoveredRule;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenarios' results and the rule coverage printed three ways, like {@code opa test --coverage}: a line per
 * scenario and a coverage summary, JSON, or a JUnit report with one test case per scenario.
 */
record ScenarioReport(String suite, Outcome outcome) implements Report {

    long failed() {
        return outcome.results().stream().filter(r -> !r.passed()).count();
    }

    int fired() {
        return outcome.rules() - outcome.neverFired().size();
    }

    @Override
    public List<String> textLines() {
        List<String> lines = new ArrayList<>();
        for (ScenarioResult result : outcome.results()) {
            Scenario s = result.scenario();
            lines.add((result.passed() ? "PASS " : "FAIL ") + s.file() + ":" + s.line() + " " + s.name());
            result.failures().forEach(f -> lines.add("    " + f));
        }
        int run = outcome.results().size();
        lines.add(FindingsReport.count(run, "scenario") + ": " + (run - failed()) + " passed, " + failed() + " failed");
        lines.add("coverage: " + fired() + " of " + FindingsReport.count(outcome.rules(), "rule") + " fired ("
                + percent() + ")");
        for (UncoveredRule rule : outcome.neverFired()) {
            lines.add("never fired: \"" + rule.rule() + "\"" + (rule.file() == null ? "" : " " + rule.file() + ":" + rule.line()));
        }
        return lines;
    }

    private String percent() {
        return outcome.rules() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * fired() / outcome.rules());
    }

    @Override
    public Map<String, Object> json() {
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (ScenarioResult result : outcome.results()) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("file", result.scenario().file());
            scenario.put("line", result.scenario().line());
            scenario.put("name", result.scenario().name());
            scenario.put("passed", result.passed());
            scenario.put("failures", result.failures());
            scenario.put("firedRules", result.firedRules().stream().sorted().toList());
            scenarios.add(scenario);
        }
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("rules", outcome.rules());
        coverage.put("fired", fired());
        coverage.put("neverFired", outcome.neverFired());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", outcome.results().size() - failed());
        json.put("failed", failed());
        json.put("scenarios", scenarios);
        json.put("coverage", coverage);
        return json;
    }

    /** One test case per scenario, named by its file (class) and name; each unmet expectation is a failure. */
    @Override
    public String junit() {
        JunitXml xml = new JunitXml(suite);
        for (ScenarioResult result : outcome.results()) {
            xml.add(result.scenario().file(), result.scenario().name(),
                    result.failures().stream().map(f -> new JunitXml.Failure("SCENARIO_FAILED", f)).toList());
        }
        return xml.write();
    }
}
