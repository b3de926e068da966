package io.basis.engine.refdata;

import java.util.Arrays;

/**
 * Price bands and their tick sizes, effective for one trading date: a tick table changes by regulation (KRX
 * changed its table on 2023-01-25), so tables are data with an effective date, not constants.
 */
public final class TickTable
{
    private final String name;
    private final long[] fromPrices;
    private final long[] ticks;

    /**
     * @param name       table name.
     * @param fromPrices ascending lower bounds of the bands (scaled), the first 0.
     * @param ticks      tick of each band (scaled).
     */
    public TickTable(final String name, final long[] fromPrices, final long[] ticks)
    {
        if (fromPrices.length == 0 || fromPrices.length != ticks.length || fromPrices[0] != 0)
        {
            throw new IllegalArgumentException("tick table " + name + " must start at price 0");
        }
        this.name = name;
        this.fromPrices = fromPrices.clone();
        this.ticks = ticks.clone();
    }

    /**
     * @return the ascending lower bounds of the bands (scaled), a copy.
     */
    public long[] fromPrices()
    {
        return fromPrices.clone();
    }

    /**
     * @return the tick of each band, in the order of {@link #fromPrices()}.
     */
    public long[] ticks()
    {
        return ticks.clone();
    }

    /**
     * @return the table's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The tick that applies at a price.
     *
     * @param price scaled price.
     * @return scaled tick.
     */
    public long tickAt(final long price)
    {
        int band = 0;
        for (int i = 1; i < fromPrices.length; i++)
        {
            if (price >= fromPrices[i])
            {
                band = i;
            }
        }
        return ticks[band];
    }

    /**
     * @param price scaled price.
     * @return true if the price lies on the tick grid of its band.
     */
    public boolean isOnTick(final long price)
    {
        return price > 0 && price % tickAt(price) == 0;
    }

    @Override
    public String toString()
    {
        return name + Arrays.toString(fromPrices) + "->" + Arrays.toString(ticks);
    }
}
