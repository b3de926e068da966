package io.basis.backtest;

import io.basis.engine.refdata.ReferenceData;
import io.basis.protocol.Prices;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a market's book events as a recording that {@link RecordedMarket} reads back: every level of a book that
 * changed, at the event's time. Recording the synthetic market and backtesting the recording gives the same
 * report, which is how the recorded path is tested.
 */
final class BookRecorder implements MarketSource.BookListener, AutoCloseable
{
    private final MarketSource market;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(64);
    private ReferenceData day;
    private long timeNs;

    BookRecorder(final MarketSource market, final Path file)
    {
        this.market = market;
        try
        {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write("# Book levels recorded by ./basis backtest --record: level 1 is the best, size 0 empties it\n");
            out.write("timeMillis,symbol,side,level,price,size\n");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the recording " + file, ex);
        }
    }

    /**
     * @param day    the day's reference data (the symbols).
     * @param timeNs the time of the events told next.
     */
    void at(final ReferenceData day, final long timeNs)
    {
        this.day = day;
        this.timeNs = timeNs;
    }

    @Override
    public void onBook(final int instrumentId)
    {
        final String symbol = day.instruments().get(instrumentId).symbol();
        for (int level = 0; level < market.levels(); level++)
        {
            row(symbol, "BID", level, market.bidPrice(instrumentId, level), market.bidSize(instrumentId, level));
            row(symbol, "ASK", level, market.askPrice(instrumentId, level), market.askSize(instrumentId, level));
        }
    }

    private void row(final String symbol, final String side, final int level, final long price, final long size)
    {
        line.setLength(0);
        line.append(timeNs / 1_000_000L).append(',').append(symbol).append(',').append(side).append(',')
            .append(level + 1).append(',');
        Prices.appendTo(line, price).append(',').append(size).append('\n');
        try
        {
            out.append(line);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the recording", ex);
        }
    }

    @Override
    public void close()
    {
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the recording", ex);
        }
    }
}
