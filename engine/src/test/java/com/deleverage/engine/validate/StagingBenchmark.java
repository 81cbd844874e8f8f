package com.deleverage.engine.validate;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.policy.PolicyFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What staging the reference policy (rules/deleveraging) costs: compiling it alone, and the whole
 * validation a staging runs (checks, compile, its 50-odd scenarios). Each iteration uses a new version
 * number, as stagings do. Run: {@code ./mvnw -q -pl engine test-compile exec:exec@bench -Dbench=StagingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 8, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class StagingBenchmark {
    private Map<String, String> files;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final PolicyValidator validator = new PolicyValidator(compiler, new Evaluator());
    private int version;

    @Setup(Level.Trial)
    public void setUp() {
        files = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
    }

    @Benchmark
    public Object compile() {
        Compilation compilation = compiler.compile("deleveraging", ++version, files);
        compilation.compiled().retire();
        return compilation;
    }

    @Benchmark
    public ValidationReport validate() {
        return validator.validate("deleveraging", ++version, files);
    }
}
