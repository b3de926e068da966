package io.basis.simulator.support;

import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.price.TickTable;
import io.basis.simulator.refdata.Constituent;
import io.basis.simulator.refdata.IndexDefinition;
import io.basis.simulator.refdata.Instrument;
import io.basis.simulator.refdata.InstrumentKind;
import io.basis.simulator.refdata.ReferenceData;
import io.basis.simulator.refdata.ReferenceDataLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Reference data for tests: the repository's KOSPI200-like data, or a small hand-made market.
 */
public final class TestReferenceData
{
    /** Trading date of the tests. */
    public static final LocalDate TRADING_DATE = LocalDate.of(2026, 11, 23);

    /** KRX stock tick table since 2023-01-25. */
    public static final TickTable KRX = new TickTable("KRX", LocalDate.of(2023, 1, 25),
        prices("0", "2000", "5000", "20000", "50000", "200000", "500000"),
        prices("1", "5", "10", "50", "100", "500", "1000"));

    /** KOSPI200 futures tick table. */
    public static final TickTable FUTURE = new TickTable("KOSPI200F", LocalDate.of(2000, 1, 1),
        prices("0"), prices("0.05"));

    private TestReferenceData()
    {
    }

    /**
     * @return the repository's refdata/kospi200 directory (tests run in the module directory).
     */
    public static Path kospi200Directory()
    {
        final Path fromModule = Path.of("..", "refdata", "kospi200");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("refdata", "kospi200");
    }

    /**
     * @return the repository's reference data for the test trading date.
     */
    public static ReferenceData kospi200()
    {
        return ReferenceDataLoader.load(kospi200Directory(), TRADING_DATE);
    }

    /**
     * A small market: stock "AAA" (prevClose 71000, lot 1), stock "LOT" (prevClose 10000, lot 10) and future
     * "FUT" (prevClose 350.00), basket AAA + LOT.
     *
     * @return the reference data.
     */
    public static ReferenceData small()
    {
        final Instrument aaa = new Instrument("AAA", InstrumentKind.STOCK, "KRW", 1, KRX, 1, p("71000"), null);
        final Instrument lot = new Instrument("LOT", InstrumentKind.STOCK, "KRW", 10, KRX, 1, p("10000"), null);
        final Instrument fut = new Instrument("FUT", InstrumentKind.FUTURE, "KRW", 1, FUTURE, 250_000, p("350"),
            LocalDate.of(2026, 12, 10));
        return new ReferenceData(TRADING_DATE, List.of(aaa, lot, fut),
            new IndexDefinition("SMALL", fut, 1_000_000_000L),
            List.of(new Constituent(aaa, 4_000_000, 1.0, 1.0), new Constituent(lot, 7_000_000, 1.0, 1.0)));
    }

    /**
     * @param text decimal price.
     * @return scaled price.
     */
    public static long p(final String text)
    {
        return FixedPoint.parse(text);
    }

    private static long[] prices(final String... texts)
    {
        final long[] prices = new long[texts.length];
        for (int i = 0; i < texts.length; i++)
        {
            prices[i] = p(texts[i]);
        }
        return prices;
    }
}
