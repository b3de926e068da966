package io.basis.engine;

import io.basis.engine.book.OrderBook;
import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reference data sets for tests: the shipped sample set, and a two-stock index small enough to value by hand.
 */
public final class TestReferenceData
{
    /** Trading date of the samples. */
    public static final LocalDate TRADE_DATE = LocalDate.of(2026, 11, 23);

    private TestReferenceData()
    {
    }

    /**
     * @return the shipped KOSPI200-like set.
     */
    public static ReferenceData kospi200()
    {
        return ReferenceData.load(Path.of("..", "refdata", "kospi200"), TRADE_DATE);
    }

    /**
     * Two stocks and a future: A (1,000 index shares) and B (500), divisor 10,000, multiplier 100, so one contract
     * holds q_A = 100·1000/10000 = 10 shares of A and q_B = 5 shares of B. Stocks settle T+2; the future settles
     * 2026-12-11, 16 days after stocks traded on 2026-11-23 settle. Rates r 3%, r_b 4%, r_l 2%; costs c_s 0.1%,
     * c_f 0.05%, x_sell 0.2%, m_in = m_out = 0.05%, s_f 0.05 pt, b 2%, TE 0.02 pt; no dividends.
     *
     * @param dir directory to write the set into.
     * @return the loaded set.
     */
    public static ReferenceData twoStockIndex(final Path dir)
    {
        write(dir, "tick-tables.csv",
            "table,effectiveFrom,fromPrice,tick\nSTK,2020-01-01,0,1\nFUT,2020-01-01,0,0.05\n");
        write(dir, "instruments.csv",
            "symbol,kind,currency,lot,tickTable,multiplier,prevClose,lastTradingDay,finalSettlement,settlementStyle\n" +
            "FUT,FUTURE,KRW,1,FUT,100,20.00,2026-12-10,2026-12-11,CLOSING_AUCTION\n" +
            "A,STOCK,KRW,1,STK,1,100,,,\nB,STOCK,KRW,1,STK,1,200,,,\n");
        write(dir, "index.csv", "index,future,divisor,stockSettlementDays\nTWO,FUT,10000,2\n");
        write(dir, "rates.csv", "effectiveFrom,rate,borrowRate,lendRate\n2026-01-01,0.03,0.04,0.02\n");
        write(dir, "costs.csv", "effectiveFrom,stockCommission,futuresCommission,sellTax,buyTax,impactIn,impactOut," +
            "futuresSlippage,borrowFee,trackingError\n2026-01-01,0.001,0.0005,0.002,0,0.0005,0.0005,0.05,0.02,0.02\n");
        write(dir, "dividends.csv", "symbol,perShare,exDate,payDate\n");
        write(dir, "basket.csv", "symbol,indexShares,floatFactor,capFactor\nA,1000,1.0,1.0\nB,500,1.0,1.0\n");
        return ReferenceData.load(dir, TRADE_DATE);
    }

    /**
     * The books the hand-computed examples use, for {@link #twoStockIndex}: A asks 100 x 6, 101 x 10, bids 99 x 8,
     * 98 x 10; B ask 200 x 5, bids 199 x 2, 198 x 10; the future bid 20.50 x 3, asks 20.60 x 1, 20.65 x 5. Hence,
     * for one contract, S = 19.925 at mid, S_ask = 20.04, S_bid = 19.80 and F = 20.55.
     *
     * @param data the two-stock index.
     * @return books indexed by engine instrument id, 10 levels deep.
     */
    public static OrderBook[] twoStockBooks(final ReferenceData data)
    {
        final OrderBook[] books = new OrderBook[data.instruments().size()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(10);
        }
        final OrderBook a = books[data.instrument("A").id()];
        final OrderBook b = books[data.instrument("B").id()];
        final OrderBook future = books[data.future().id()];
        a.setLevel(false, 0, Prices.parse("100"), 6);
        a.setLevel(false, 1, Prices.parse("101"), 10);
        a.setLevel(true, 0, Prices.parse("99"), 8);
        a.setLevel(true, 1, Prices.parse("98"), 10);
        b.setLevel(false, 0, Prices.parse("200"), 5);
        b.setLevel(true, 0, Prices.parse("199"), 2);
        b.setLevel(true, 1, Prices.parse("198"), 10);
        future.setLevel(true, 0, Prices.parse("20.50"), 3);
        future.setLevel(false, 0, Prices.parse("20.60"), 1);
        future.setLevel(false, 1, Prices.parse("20.65"), 5);
        return books;
    }

    /**
     * @return a fresh temporary directory, deleted when the JVM exits.
     */
    public static Path tempDir()
    {
        try
        {
            final Path dir = Files.createTempDirectory("basis-refdata");
            dir.toFile().deleteOnExit();
            return dir;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void write(final Path dir, final String name, final String text)
    {
        try
        {
            Files.writeString(dir.resolve(name), text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
