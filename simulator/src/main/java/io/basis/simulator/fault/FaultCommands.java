package io.basis.simulator.fault;

import io.basis.simulator.matching.Side;
import io.basis.simulator.price.FixedPoint;
import io.basis.simulator.trading.ClosingResult;
import io.basis.simulator.trading.TradingDay;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The text command language of the control port and of {@code --fault}: one command per line, words separated by
 * blanks, answered with one line {@code ok ...} or {@code error <reason>}. {@link #HELP} lists the commands.
 */
public final class FaultCommands
{
    /** Every command, one per line, as printed by {@code help} and documented in docs/simulator.md. */
    public static final List<String> HELP = List.of(
        "hold-fills SYMBOL                        client orders of SYMBOL are parked, nothing fills",
        "release-fills [SYMBOL]                   parked orders trade now (all symbols without SYMBOL)",
        "hold-reports account|symbol VALUE        hold back execution reports of an account or symbol",
        "release-reports [account|symbol VALUE]   send held reports in order (all holds without a selector)",
        "delay-reports account|symbol VALUE MS    delay reports by MS milliseconds (0 removes the delay)",
        "reject-fraction F [SEED]                 reject a seeded fraction F of valid client orders (0 = off)",
        "halt SYMBOL                              halt an instrument (SecurityStatus 326=2)",
        "resume SYMBOL                            lift a halt or end a volatility interruption",
        "vi SYMBOL [SECONDS]                      volatility interruption: call auction, default 120 s",
        "sidecar buy|sell|both|on|off             suspend program buy (on = buy), sell or all orders; off lifts",
        "circuit-breaker [on|off]                 halt (on, the default) or resume the whole market",
        "drop-session OE|MD|COMPID [disconnect]   log the sessions out (or drop TCP without Logout)",
        "gap OE|MD|COMPID                         skip the next outgoing MsgSeqNum (forces a resend)",
        "garble OE|MD|COMPID                      corrupt the checksum of the next application message",
        "slow-md MS                               at most one market-data message per session per MS (0 = off)",
        "phase pre-open|open|closing-auction|close drive the trading day",
        "status                                   one line with every fault in force",
        "help                                     this list");

    private final FaultControls faults;
    private final TradingDay day;

    /**
     * @param faults the fault controls.
     * @param day    the trading-day controls.
     */
    public FaultCommands(final FaultControls faults, final TradingDay day)
    {
        this.faults = faults;
        this.day = day;
    }

    /**
     * Execute one command line.
     *
     * @param line the command.
     * @return {@code ok ...} or {@code error <reason>}; never throws for bad input.
     */
    public String execute(final String line)
    {
        final String[] words = line.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty())
        {
            return "error empty command";
        }
        try
        {
            return "ok " + run(words[0].toLowerCase(Locale.ROOT), words);
        }
        catch (final IllegalArgumentException | IllegalStateException ex)
        {
            return "error " + ex.getMessage();
        }
    }

    private String run(final String command, final String[] words)
    {
        switch (command)
        {
            case "hold-fills":
                faults.holdFills(arg(words, 1, "SYMBOL"));
                return "holding fills of " + words[1];
            case "release-fills":
                return "released " + (words.length > 1 ? faults.releaseFills(words[1]) : faults.releaseAllFills()) +
                    " orders";
            case "hold-reports":
                faults.holdReports(selector(words, 1));
                return "holding reports of " + selector(words, 1);
            case "release-reports":
                return "released " + faults.releaseReports(words.length > 1 ? selector(words, 1) : null) +
                    " reports";
            case "delay-reports":
            {
                final long millis = number(arg(words, 3, "MS"));
                faults.delayReports(selector(words, 1), millis);
                return "delaying reports of " + selector(words, 1) + " by " + millis + " ms";
            }
            case "reject-fraction":
            {
                final double fraction = fraction(arg(words, 1, "F"));
                if (words.length > 2)
                {
                    faults.rejectFraction(fraction, number(words[2]));
                }
                else
                {
                    faults.rejectFraction(fraction);
                }
                return "rejecting " + fraction + " of orders";
            }
            case "halt":
                faults.halt(arg(words, 1, "SYMBOL"));
                return "halted " + words[1];
            case "resume":
                faults.resume(arg(words, 1, "SYMBOL"));
                return "resumed " + words[1];
            case "vi":
            case "volatility-interruption":
                if (words.length > 2)
                {
                    faults.volatilityInterruption(arg(words, 1, "SYMBOL"), Duration.ofSeconds(number(words[2])));
                }
                else
                {
                    faults.volatilityInterruption(arg(words, 1, "SYMBOL"));
                }
                return "volatility interruption in " + words[1];
            case "sidecar":
                return sidecar(arg(words, 1, "buy|sell|both|on|off"));
            case "circuit-breaker":
                if (words.length > 1 && words[1].equalsIgnoreCase("off"))
                {
                    faults.resumeMarket();
                    return "circuit breaker lifted";
                }
                faults.circuitBreaker();
                return "circuit breaker: market halted";
            case "drop-session":
            {
                final boolean disconnect = words.length > 2 && words[2].equalsIgnoreCase("disconnect");
                return "dropped " + faults.dropSession(arg(words, 1, "OE|MD|COMPID"), disconnect) + " sessions";
            }
            case "gap":
                return "gap on " + faults.sequenceGap(arg(words, 1, "OE|MD|COMPID")) + " sessions";
            case "garble":
                return "garbling next message on " + faults.garble(arg(words, 1, "OE|MD|COMPID")) + " sessions";
            case "slow-md":
            {
                final long millis = number(arg(words, 1, "MS"));
                faults.slowMarketData(millis);
                return millis == 0 ? "market data at full speed" : "market data one message per " + millis + " ms";
            }
            case "phase":
                return phase(arg(words, 1, "pre-open|open|closing-auction|close"));
            case "status":
                return faults.status();
            case "help":
                return String.join(" | ", HELP.stream().map(h -> h.split("\\s{2,}")[0]).toList());
            default:
                throw new IllegalArgumentException("unknown command " + command + " (try help)");
        }
    }

    private String sidecar(final String value)
    {
        switch (value.toLowerCase(Locale.ROOT))
        {
            case "on", "buy" ->
            {
                faults.sidecar(Side.BUY);
                return "sidecar: program buy orders suspended";
            }
            case "sell" ->
            {
                faults.sidecar(Side.SELL);
                return "sidecar: program sell orders suspended";
            }
            case "both" ->
            {
                faults.sidecar(Side.BUY);
                faults.sidecar(Side.SELL);
                return "sidecar: program buy and sell orders suspended";
            }
            case "off" ->
            {
                faults.liftSidecar();
                return "sidecar lifted";
            }
            default -> throw new IllegalArgumentException("sidecar takes buy, sell, both, on or off: " + value);
        }
    }

    private String phase(final String value)
    {
        switch (value.toLowerCase(Locale.ROOT))
        {
            case "pre-open" ->
            {
                day.preOpen();
                return "phase PRE_OPEN";
            }
            case "open" ->
            {
                day.open();
                return "phase CONTINUOUS";
            }
            case "closing-auction" ->
            {
                day.startClosingAuction();
                return "phase CLOSING_AUCTION";
            }
            case "close" ->
            {
                final ClosingResult close = day.uncross();
                return "phase CLOSED, closing index " + FixedPoint.format(close.closingIndex()) +
                    (close.expiry() ? ", final settlement " + FixedPoint.format(close.finalSettlementPrice()) : "");
            }
            default -> throw new IllegalArgumentException("phase takes pre-open, open, closing-auction or close: " +
                value);
        }
    }

    private static ReportSelector selector(final String[] words, final int at)
    {
        final String kind = arg(words, at, "account|symbol");
        final String value = arg(words, at + 1, "VALUE");
        return switch (kind.toLowerCase(Locale.ROOT))
        {
            case "account" -> ReportSelector.account(value);
            case "symbol" -> ReportSelector.symbol(value);
            default -> throw new IllegalArgumentException("expected account or symbol, got " + kind);
        };
    }

    private static String arg(final String[] words, final int at, final String name)
    {
        if (words.length <= at)
        {
            throw new IllegalArgumentException(words[0] + " needs " + name);
        }
        return words[at];
    }

    private static long number(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("not a whole number: " + text);
        }
    }

    private static double fraction(final String text)
    {
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }
}
