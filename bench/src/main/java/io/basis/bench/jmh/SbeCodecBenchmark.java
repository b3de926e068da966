package io.basis.bench.jmh;

import io.basis.protocol.sbe.BookSide;
import io.basis.protocol.sbe.BookUpdateDecoder;
import io.basis.protocol.sbe.BookUpdateEncoder;
import io.basis.protocol.sbe.BooleanType;
import io.basis.protocol.sbe.MessageHeaderDecoder;
import io.basis.protocol.sbe.MessageHeaderEncoder;
import io.basis.protocol.sbe.NewOrderDecoder;
import io.basis.protocol.sbe.NewOrderEncoder;
import io.basis.protocol.sbe.OrdType;
import io.basis.protocol.sbe.ProgramFlag;
import io.basis.protocol.sbe.Side;
import io.basis.protocol.sbe.TimeInForce;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Encode then decode, field by field, the two messages on the latency path between engine and gateway: a
 * BookUpdate (gateway to engine) of one level, the usual incremental message, or of ten, a five-a-side snapshot;
 * and a NewOrder (engine to gateway). The buffer is direct and cache-line aligned like an Aeron term buffer; the
 * values come from a pre-generated ring so that no field is a constant the JIT could fold. Each method returns a
 * checksum of everything it decoded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class SbeCodecBenchmark
{
    private static final int RING = 1024;
    private static final int MASK = RING - 1;

    private final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1024, 64));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final BookUpdateEncoder bookUpdateEncoder = new BookUpdateEncoder();
    private final BookUpdateDecoder bookUpdateDecoder = new BookUpdateDecoder();
    private final NewOrderEncoder newOrderEncoder = new NewOrderEncoder();
    private final NewOrderDecoder newOrderDecoder = new NewOrderDecoder();

    private final long[] prices = new long[RING];
    private final long[] sizes = new long[RING];
    private int cursor;

    /** Pre-generate prices and sizes around a KOSPI200-like level. */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Random random = new Random(17);
        for (int i = 0; i < RING; i++)
        {
            prices[i] = 3_539_500 + 500L * (random.nextInt(41) - 20);
            sizes[i] = 1 + random.nextInt(5_000);
        }
    }

    /** Levels per BookUpdate: a parameter of the BookUpdate benchmark only, not of NewOrder's. */
    @State(Scope.Thread)
    public static class BookUpdateShape
    {
        /** Levels in the message, alternately bid and ask from the best level down. */
        @Param({"1", "10"})
        public int levels;
    }

    /**
     * @param shape levels per message.
     * @return checksum of the decoded message.
     */
    @Benchmark
    public long bookUpdate(final BookUpdateShape shape)
    {
        final int count = shape.levels;
        final int c = next();
        final BookUpdateEncoder.LevelsEncoder levels = bookUpdateEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .instrumentId(c & 255)
            .exchangeSeq(c)
            .exchangeTimestampNs(prices[c])
            .receiveTimestampNs(sizes[c])
            .snapshot(BooleanType.TRUE)
            .levelsCount(count);
        for (int i = 0; i < count; i++)
        {
            final int k = (c + i) & MASK;
            levels.next().side((i & 1) == 0 ? BookSide.BID : BookSide.ASK).level((short)(i >> 1))
                .price(prices[k]).size(sizes[k]);
        }

        final BookUpdateDecoder decoder = bookUpdateDecoder.wrapAndApplyHeader(buffer, 0, headerDecoder);
        long checksum = decoder.instrumentId() + decoder.exchangeSeq() + decoder.exchangeTimestampNs() +
            decoder.receiveTimestampNs() + decoder.snapshot().value();
        final BookUpdateDecoder.LevelsDecoder decoded = decoder.levels();
        while (decoded.hasNext())
        {
            decoded.next();
            checksum += decoded.side().value() + decoded.level() + decoded.price() + decoded.size();
        }
        return checksum;
    }

    /**
     * @return checksum of the decoded message.
     */
    @Benchmark
    public long newOrder()
    {
        final int c = next();
        newOrderEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .orderId(c)
            .programId(c >> 4)
            .instrumentId(c & 255)
            .side((c & 1) == 0 ? Side.BUY : Side.SELL)
            .ordType(OrdType.LIMIT)
            .timeInForce(TimeInForce.DAY)
            .programFlag(ProgramFlag.INDEX_ARBITRAGE)
            .price(prices[c])
            .quantity(sizes[c])
            .triggerTimestampNs(prices[c] ^ sizes[c]);

        final NewOrderDecoder decoder = newOrderDecoder.wrapAndApplyHeader(buffer, 0, headerDecoder);
        return decoder.orderId() + decoder.programId() + decoder.instrumentId() + decoder.side().value() +
            decoder.ordType().value() + decoder.timeInForce().value() + decoder.programFlag().value() +
            decoder.price() + decoder.quantity() + decoder.triggerTimestampNs();
    }

    private int next()
    {
        final int c = cursor;
        cursor = (c + 1) & MASK;
        return c;
    }
}
