package io.basis.bench.latency;

import io.basis.gateway.ops.GatewayProbe;

import java.nio.file.Path;

/**
 * The gateway's hops of the full-path breakdown, written to logs the harness created and reads: when each tick's
 * FIX message was received (QuickFIX/J thread) and its BookUpdate offered (agent thread, after the hand-off), and
 * when the first NewOrder it triggered was polled and handed to QuickFIX/J as a NewOrderSingle (agent thread).
 * Every method runs on the gateway agent, so each log has one writer. Ticks are known by their
 * ExchangeSendNanos, orders by their triggerTimestampNs: the same intended send time. Only the first order of a
 * tick is stamped, so the other 144 legs of a program cost a comparison each.
 */
final class GatewayStageProbe implements GatewayProbe
{
    /** Tick key to the gateway's receive time: the engine's key for the tick. */
    static final String FIX_PARSED = "gateway-fix-parsed";
    static final String SBE_OFFERED = "gateway-sbe-offered";
    static final String ORDER_POLLED = "gateway-order-polled";
    static final String FIX_WRITTEN = "gateway-fix-written";

    private final StageLog fixParsed;
    private final StageLog sbeOffered;
    private final StageLog orderPolled;
    private final StageLog fixWritten;
    private long lastPolledKey = Long.MIN_VALUE;
    private long lastWrittenKey = Long.MIN_VALUE;

    /**
     * @param dir where the harness created the logs.
     */
    GatewayStageProbe(final Path dir)
    {
        fixParsed = StageLog.open(dir.resolve(FIX_PARSED));
        sbeOffered = StageLog.open(dir.resolve(SBE_OFFERED));
        orderPolled = StageLog.open(dir.resolve(ORDER_POLLED));
        fixWritten = StageLog.open(dir.resolve(FIX_WRITTEN));
    }

    @Override
    public void onMarketDataPublished(final long exchangeTimestampNs, final long receiveTimestampNs)
    {
        final long nowNs = System.nanoTime();
        if (exchangeTimestampNs != 0)
        {
            fixParsed.append(exchangeTimestampNs, receiveTimestampNs);
            sbeOffered.append(exchangeTimestampNs, nowNs);
        }
    }

    @Override
    public void onNewOrderPolled(final long triggerTimestampNs)
    {
        if (triggerTimestampNs != lastPolledKey)
        {
            lastPolledKey = triggerTimestampNs;
            orderPolled.stamp(triggerTimestampNs);
        }
    }

    @Override
    public void onNewOrderSent(final long triggerTimestampNs)
    {
        if (triggerTimestampNs != lastWrittenKey)
        {
            lastWrittenKey = triggerTimestampNs;
            fixWritten.stamp(triggerTimestampNs);
        }
    }
}
