package io.basis.engine.position;

import io.basis.engine.snapshot.SnapshotException;
import io.basis.engine.snapshot.SnapshotReader;
import io.basis.engine.snapshot.SnapshotWriter;
import io.basis.engine.snapshot.sbe.PositionStateDecoder;
import io.basis.engine.snapshot.sbe.PositionStateEncoder;
import io.basis.engine.refdata.Costs;
import io.basis.engine.refdata.Instrument;
import io.basis.protocol.Prices;
import io.basis.protocol.sbe.InstrumentKind;
import io.basis.protocol.sbe.Side;

import java.util.List;

/**
 * Net positions, average costs and P&L per instrument of the engine's account, booked from fills only, with the
 * commission and taxes of every fill: commission on both sides, the sell-side tax on stock sales and the buy-side
 * tax on stock purchases, at the rates in force on the trading date. Money is in the index's currency.
 * Single-threaded, garbage-free.
 */
public final class Positions
{
    private final long[] quantity;
    private final long[] buyNotional;
    private final long[] sellNotional;
    private final double[] averagePrice;
    private final double[] realized;
    private final double[] multiplier;
    private final boolean[] isStock;
    private final Costs costs;
    private double commissions;
    private double taxes;
    private long fills;

    /**
     * @param instruments instruments, indexed by engine id.
     * @param costs       commission and tax rates in force on the trading date, the date of every fill booked.
     */
    public Positions(final List<Instrument> instruments, final Costs costs)
    {
        final int count = instruments.size();
        quantity = new long[count];
        buyNotional = new long[count];
        sellNotional = new long[count];
        averagePrice = new double[count];
        realized = new double[count];
        multiplier = new double[count];
        isStock = new boolean[count];
        for (int i = 0; i < count; i++)
        {
            multiplier[i] = instruments.get(i).multiplier();
            isStock[i] = instruments.get(i).kind() == InstrumentKind.STOCK;
        }
        this.costs = costs;
    }

    /**
     * Book one fill.
     *
     * @param instrumentId engine instrument id.
     * @param side         side of the order that filled.
     * @param qty          filled quantity, positive.
     * @param price        scaled fill price.
     * @return the commission and taxes of this fill.
     */
    public double book(final int instrumentId, final Side side, final long qty, final long price)
    {
        final boolean buy = side == Side.BUY;
        final long signed = buy ? qty : -qty;
        final double px = Prices.toDouble(price);
        final double notional = px * qty * multiplier[instrumentId];
        if (buy)
        {
            buyNotional[instrumentId] += qty * price;
        }
        else
        {
            sellNotional[instrumentId] += qty * price;
        }

        final long before = quantity[instrumentId];
        final long after = before + signed;
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            averagePrice[instrumentId] = (averagePrice[instrumentId] * Math.abs(before) + px * qty) / Math.abs(after);
        }
        else
        {
            final long closed = Math.min(Math.abs(before), qty);
            realized[instrumentId] += (px - averagePrice[instrumentId]) * closed * Long.signum(before) *
                multiplier[instrumentId];
            if (after == 0)
            {
                averagePrice[instrumentId] = 0;
            }
            else if (Long.signum(after) != Long.signum(before))
            {
                averagePrice[instrumentId] = px;
            }
        }
        quantity[instrumentId] = after;

        final boolean stock = isStock[instrumentId];
        final double commission = notional * (stock ? costs.stockCommission() : costs.futuresCommission());
        // A fill is a trade of the trading date: taxed at the rate in force that day, which these costs are.
        final double tax = stock ? notional * (buy ? costs.buyTax() : costs.sellTax()) : 0.0;
        commissions += commission;
        taxes += tax;
        fills++;
        return commission + tax;
    }

    /**
     * Hold a position from before the engine's fresh start (the day before): no fill, no cost, no notional traded
     * today; it is marked, hedged and closed like any.
     *
     * @param instrumentId engine instrument id.
     * @param quantity     signed quantity.
     * @param averagePrice what it cost, in price units.
     */
    public void open(final int instrumentId, final long quantity, final double averagePrice)
    {
        this.quantity[instrumentId] = quantity;
        this.averagePrice[instrumentId] = quantity == 0 ? 0 : averagePrice;
    }

    /**
     * @param instrumentId engine instrument id.
     * @return net position, shares or contracts (negative = short).
     */
    public long quantity(final int instrumentId)
    {
        return quantity[instrumentId];
    }

    /**
     * @param instrumentId engine instrument id.
     * @return average price of the open position, or 0 when flat.
     */
    public double averagePrice(final int instrumentId)
    {
        return averagePrice[instrumentId];
    }

    /**
     * @param instrumentId engine instrument id.
     * @return currency per point of price: the multiplier for the future, 1 for stocks.
     */
    public double multiplier(final int instrumentId)
    {
        return multiplier[instrumentId];
    }

    /**
     * @param instrumentId engine instrument id.
     * @return scaled notional of all buys.
     */
    public long buyNotional(final int instrumentId)
    {
        return buyNotional[instrumentId];
    }

    /**
     * @param instrumentId engine instrument id.
     * @return scaled notional of all sells.
     */
    public long sellNotional(final int instrumentId)
    {
        return sellNotional[instrumentId];
    }

    /**
     * @return P&L realized on closed quantity, before costs.
     */
    public double realizedPnl()
    {
        double total = 0;
        for (final double value : realized)
        {
            total += value;
        }
        return total;
    }

    /**
     * @param marks scaled mark prices indexed by engine id (0 = no mark: the position is marked at its cost).
     * @return P&L of the open positions at the marks.
     */
    public double unrealizedPnl(final long[] marks)
    {
        double total = 0;
        for (int i = 0; i < quantity.length; i++)
        {
            if (quantity[i] != 0 && marks[i] > 0)
            {
                total += (Prices.toDouble(marks[i]) - averagePrice[i]) * quantity[i] * multiplier[i];
            }
        }
        return total;
    }

    /**
     * @param marks scaled mark prices indexed by engine id.
     * @return Σ |position| × mark × multiplier.
     */
    public double grossNotional(final long[] marks)
    {
        double total = 0;
        for (int i = 0; i < quantity.length; i++)
        {
            if (quantity[i] != 0)
            {
                total += Math.abs(quantity[i]) * Prices.toDouble(marks[i] > 0 ? marks[i] : 0) * multiplier[i];
            }
        }
        return total;
    }

    /**
     * @return commissions paid.
     */
    public double commissions()
    {
        return commissions;
    }

    /**
     * @return transaction taxes paid.
     */
    public double taxes()
    {
        return taxes;
    }

    /**
     * @return fills booked.
     */
    public long fills()
    {
        return fills;
    }

    /**
     * @return number of instruments.
     */
    public int instrumentCount()
    {
        return quantity.length;
    }

    /**
     * Write the positions to a snapshot.
     *
     * @param writer  the snapshot.
     * @param encoder reused encoder.
     */
    public void snapshotTo(final SnapshotWriter writer, final PositionStateEncoder encoder)
    {
        final PositionStateEncoder.InstrumentsEncoder rows = writer.begin(encoder)
            .commissions(commissions)
            .taxes(taxes)
            .fills(fills)
            .instrumentsCount(quantity.length);
        for (int i = 0; i < quantity.length; i++)
        {
            rows.next()
                .quantity(quantity[i])
                .buyNotional(buyNotional[i])
                .sellNotional(sellNotional[i])
                .averagePrice(averagePrice[i])
                .realized(realized[i]);
        }
    }

    /**
     * Load the positions from a snapshot.
     *
     * @param reader  the snapshot.
     * @param decoder reused decoder.
     */
    public void restoreFrom(final SnapshotReader reader, final PositionStateDecoder decoder)
    {
        reader.next(decoder);
        commissions = decoder.commissions();
        taxes = decoder.taxes();
        fills = decoder.fills();
        final PositionStateDecoder.InstrumentsDecoder rows = decoder.instruments();
        if (rows.count() != quantity.length)
        {
            throw new SnapshotException("positions of " + rows.count() + " instruments, the engine has " +
                quantity.length);
        }
        for (int i = 0; i < quantity.length; i++)
        {
            rows.next();
            quantity[i] = rows.quantity();
            buyNotional[i] = rows.buyNotional();
            sellNotional[i] = rows.sellNotional();
            averagePrice[i] = rows.averagePrice();
            realized[i] = rows.realized();
        }
    }
}
