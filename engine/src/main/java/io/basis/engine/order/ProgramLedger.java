package io.basis.engine.order;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.LedgerStateDecoder;
import io.basis.engine.snapshot.sbe.LedgerStateEncoder;

/**
 * A row per completed program, kept in pre-allocated arrays: its direction, kind, final state, cash flow and
 * costs. The realized P&L of a round trip is the sum of its programs' cash flows less their costs.
 * Beyond its capacity the ledger stops recording rows.
 */
public final class ProgramLedger
{
    /** Rows per snapshot message: each message stays well within a snapshot publication's largest message. */
    static final int ROWS_PER_MESSAGE = 4096;

    private final long[] programIds;
    private final byte[] directions;
    private final byte[] kinds;
    private final byte[] states;
    private final double[] cashFlows;
    private final double[] costs;
    private final double[] basketFilled;
    private final long[] hedgeFilled;
    private int size;

    /**
     * @param capacity rows kept.
     */
    public ProgramLedger(final int capacity)
    {
        programIds = new long[capacity];
        directions = new byte[capacity];
        kinds = new byte[capacity];
        states = new byte[capacity];
        cashFlows = new double[capacity];
        costs = new double[capacity];
        basketFilled = new double[capacity];
        hedgeFilled = new long[capacity];
    }

    /**
     * @param program a program whose legs have all ended.
     */
    public void record(final ProgramOrder program)
    {
        if (size == programIds.length)
        {
            return;
        }
        programIds[size] = program.programId();
        directions[size] = (byte)program.direction().ordinal();
        kinds[size] = (byte)program.kind().ordinal();
        states[size] = (byte)program.state().ordinal();
        cashFlows[size] = program.cashFlow();
        costs[size] = program.costs();
        basketFilled[size] = program.basketFilledFraction();
        hedgeFilled[size] = program.hedgeFilled();
        size++;
    }

    /**
     * @return rows recorded.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param row row.
     * @return program id.
     */
    public long programId(final int row)
    {
        return programIds[row];
    }

    /**
     * @param row row.
     * @return {@code ProgramDirection} ordinal.
     */
    public int direction(final int row)
    {
        return directions[row];
    }

    /**
     * @param row row.
     * @return {@code ProgramKind} ordinal.
     */
    public int kind(final int row)
    {
        return kinds[row];
    }

    /**
     * @param row row.
     * @return {@code ProgramState} ordinal.
     */
    public int state(final int row)
    {
        return states[row];
    }

    /**
     * @param row row.
     * @return cash flow before costs.
     */
    public double cashFlow(final int row)
    {
        return cashFlows[row];
    }

    /**
     * @param row row.
     * @return commissions and taxes.
     */
    public double costs(final int row)
    {
        return costs[row];
    }

    /**
     * @param row row.
     * @return share of the basket filled.
     */
    public double basketFilled(final int row)
    {
        return basketFilled[row];
    }

    /**
     * @param row row.
     * @return futures contracts filled.
     */
    public long hedgeFilled(final int row)
    {
        return hedgeFilled[row];
    }

    /**
     * Write every row to a snapshot, in messages of at most {@link #ROWS_PER_MESSAGE} rows (at least one message).
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final LedgerStateEncoder encoder)
    {
        int row = 0;
        do
        {
            final int rows = Math.min(ROWS_PER_MESSAGE, size - row);
            final LedgerStateEncoder.ProgramsEncoder programs = writer.begin(encoder).programsCount(rows);
            for (final int end = row + rows; row < end; row++)
            {
                programs.next()
                    .programId(programIds[row])
                    .direction(directions[row])
                    .kind(kinds[row])
                    .state(states[row])
                    .cashFlow(cashFlows[row])
                    .costs(costs[row])
                    .basketFilled(basketFilled[row])
                    .hedgeFilled(hedgeFilled[row]);
            }
        }
        while (row < size);
    }

    /**
     * Load every row from a snapshot.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    public void restoreFrom(final SnapshotReader reader, final LedgerStateDecoder decoder)
    {
        size = 0;
        do
        {
            final LedgerStateDecoder.ProgramsDecoder programs = reader.next(decoder).programs();
            if (size + programs.count() > programIds.length)
            {
                throw new SnapshotException("a ledger of over " + (size + programs.count()) +
                    " programs, the engine keeps " + programIds.length);
            }
            for (final LedgerStateDecoder.ProgramsDecoder row : programs)
            {
                programIds[size] = row.programId();
                directions[size] = row.direction();
                kinds[size] = row.kind();
                states[size] = row.state();
                cashFlows[size] = row.cashFlow();
                costs[size] = row.costs();
                basketFilled[size] = row.basketFilled();
                hedgeFilled[size] = row.hedgeFilled();
                size++;
            }
        }
        while (reader.nextIs(LedgerStateDecoder.TEMPLATE_ID));
    }
}
