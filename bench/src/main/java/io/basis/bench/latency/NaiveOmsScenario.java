package io.basis.bench.latency;

import quickfix.MemoryStoreFactory;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;

import java.util.List;

/**
 * Baseline (c) measured like the full path: the same {@link TickExchange} and ticks, with the {@link NaiveOms}
 * (one QuickFIX/J initiator, the decision in its callbacks) in place of Basis's gateway and engine. One process,
 * no Aeron, no SBE: what Basis's architecture has to beat.
 */
public final class NaiveOmsScenario implements Scenario
{
    private final MarketScript script;
    private final Idle idle;
    private TickExchange exchange;
    private NaiveOms oms;
    private SocketInitiator initiator;

    /**
     * @param script market to play.
     * @param idle   idle mode of the harness thread (QuickFIX/J's threads block on sockets).
     */
    public NaiveOmsScenario(final MarketScript script, final Idle idle)
    {
        this.script = script;
        this.idle = idle;
    }

    @Override
    public String name()
    {
        return "baseline-naive-oms";
    }

    @Override
    public void start() throws Exception
    {
        final int orderEntryPort = Fix.freePort();
        final int marketDataPort = Fix.freePort();
        exchange = new TickExchange(script, orderEntryPort, marketDataPort);
        exchange.start();
        final SessionSettings settings = Fix.settings("initiator");
        Fix.initiatorSession(settings, Fix.ORDER_ENTRY, orderEntryPort);
        Fix.initiatorSession(settings, Fix.MARKET_DATA, marketDataPort);
        oms = new NaiveOms(script);
        // Ticks are stamped as QuickFIX/J's I/O thread reads them, before the hand-off to the session thread.
        initiator = new SocketInitiator(oms, new MemoryStoreFactory(), settings, null,
            new ReadStampingMessageFactory(MsgType.MARKET_DATA_INCREMENTAL_REFRESH));
        initiator.start();
        Await.until("the naive OMS to receive every book", () -> exchange.allSubscribed() && oms.hasAllBooks());
    }

    @Override
    public List<Measurement> run(final int rate, final long warmupNs, final long measureNs)
    {
        return exchange.measureProgramLegs(
            name(), false, rate, warmupNs, measureNs, idle.newStrategy(), () -> oms.working() == 0, "naive OMS",
            oms::stages, List.of());
    }

    @Override
    public void close()
    {
        if (initiator != null)
        {
            initiator.stop(true);
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }
}
