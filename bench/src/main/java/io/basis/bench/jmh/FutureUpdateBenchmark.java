package io.basis.bench.jmh;

import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.Valuation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * One level change of the index future, then revaluation: the future's mid and its two walks for the program's
 * contracts, then fair value, bounds and model checks. No constituent is revisited.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class FutureUpdateBenchmark
{
    private static final long BOOKS_SEED = 7;
    private static final long CHANGES_SEED = 13;

    /** Sample set under {@code refdata/}. */
    @Param({"kospi200", "emini"})
    public String set;

    private OrderBook[] books;
    private Valuation valuation;
    private LevelChanges changes;

    /** Load the set, prime the books and pre-generate the future's changes. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final MarketFixture fixture = MarketFixture.load(set, BOOKS_SEED);
        books = fixture.books();
        valuation = fixture.valuation();
        changes = new LevelChanges(fixture, fixture.futureIds(), CHANGES_SEED);
    }

    /**
     * @param blackhole sink for the fair value and both bounds.
     */
    @Benchmark
    public void incremental(final Blackhole blackhole)
    {
        final int id = changes.applyNext(books);
        valuation.onBookUpdate(id, books[id]);
        blackhole.consume(valuation.fairValue());
        blackhole.consume(valuation.upperBound());
        blackhole.consume(valuation.lowerBound());
    }
}
