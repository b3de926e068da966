package io.basis.bench.jmh;

import io.basis.engine.book.OrderBook;
import io.basis.engine.pricing.BasketValuation;
import io.basis.engine.pricing.FairValue;
import io.basis.engine.pricing.NoArbitrageBounds;
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
 * The baseline for {@link ConstituentUpdateBenchmark}: the same constituent level changes, in the same order on
 * the same books, but followed by a recomputation of every basket total from every book
 * ({@link BasketValuation#recomputeAll}) before fair value and bounds. Their ratio is what the incremental
 * design saves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class FullRecomputationBenchmark
{
    /** Sample set under {@code refdata/}. */
    @Param({"kospi200", "emini"})
    public String set;

    private OrderBook[] books;
    private BasketValuation basket;
    private FairValue fairValue;
    private NoArbitrageBounds bounds;
    private LevelChanges changes;

    /** Load the set and build the very books and changes that {@link ConstituentUpdateBenchmark} uses. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final MarketFixture fixture = MarketFixture.load(set, ConstituentUpdateBenchmark.BOOKS_SEED);
        final Valuation valuation = fixture.valuation();
        books = fixture.books();
        basket = valuation.basket();
        fairValue = valuation.fairValueModel();
        bounds = valuation.bounds();
        changes = new LevelChanges(fixture, fixture.constituentIds(), ConstituentUpdateBenchmark.CHANGES_SEED);
    }

    /**
     * @param blackhole sink for the fair value and both bounds.
     */
    @Benchmark
    public void recomputeAll(final Blackhole blackhole)
    {
        changes.applyNext(books);
        basket.recomputeAll(books);
        final double indexMid = basket.indexMid();
        // What Valuation does after its incremental update, with a reverse trade assumed to borrow (its default).
        blackhole.consume(fairValue.fairValue(indexMid));
        bounds.compute(indexMid, basket.indexAskExec(), basket.indexBidExec(), basket.futureMid(), true);
        blackhole.consume(bounds.upper());
        blackhole.consume(bounds.lower());
    }
}
