package io.basis.simulator.price;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A price grid made of bands: from {@code fromPrice[k]} (inclusive) up to the next band the valid prices are
 * {@code fromPrice[k] + n * tick[k]}. KRX stocks and KOSPI200 futures are both described this way.
 * <p>
 * Invariants (checked on construction): the first band starts at 0, bands strictly ascend, ticks are positive
 * and every band boundary lies on the grid of the band below it. The last invariant is what makes
 * {@link #ceil(long)} and {@link #tickUp(long)} land on the grid when they cross into the next band.
 */
public final class TickTable
{
    private final String name;
    private final LocalDate effectiveFrom;
    private final long[] fromPrices;
    private final long[] ticks;

    /**
     * @param name          name referenced by instruments.
     * @param effectiveFrom first trading date the table applies to.
     * @param fromPrices    scaled lower bound of each band, ascending, first 0.
     * @param ticks         scaled tick of each band.
     * @throws IllegalArgumentException if the invariants do not hold.
     */
    public TickTable(final String name, final LocalDate effectiveFrom, final long[] fromPrices, final long[] ticks)
    {
        if (fromPrices.length == 0 || fromPrices.length != ticks.length)
        {
            throw new IllegalArgumentException("tick table " + name + ": needs one tick per band and at least one band");
        }
        if (fromPrices[0] != 0)
        {
            throw new IllegalArgumentException("tick table " + name + ": first band must start at 0");
        }
        for (int k = 0; k < ticks.length; k++)
        {
            if (ticks[k] <= 0)
            {
                throw new IllegalArgumentException("tick table " + name + ": tick must be positive");
            }
            if (k > 0 && fromPrices[k] <= fromPrices[k - 1])
            {
                throw new IllegalArgumentException("tick table " + name + ": bands must strictly ascend");
            }
            if (k > 0 && (fromPrices[k] - fromPrices[k - 1]) % ticks[k - 1] != 0)
            {
                throw new IllegalArgumentException("tick table " + name + ": band start " +
                    FixedPoint.format(fromPrices[k]) + " is not on the grid of the band below");
            }
        }
        this.name = name;
        this.effectiveFrom = effectiveFrom;
        this.fromPrices = fromPrices.clone();
        this.ticks = ticks.clone();
    }

    /**
     * @return the table's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the first trading date this version of the table applies to.
     */
    public LocalDate effectiveFrom()
    {
        return effectiveFrom;
    }

    /**
     * @param price scaled price, not negative.
     * @return the scaled tick of the band the price falls in.
     */
    public long tickAt(final long price)
    {
        return ticks[band(price)];
    }

    /**
     * @param price scaled price.
     * @return true if the price is positive and a valid price of the grid.
     */
    public boolean isOnGrid(final long price)
    {
        if (price <= 0)
        {
            return false;
        }
        final int band = band(price);
        return (price - fromPrices[band]) % ticks[band] == 0;
    }

    /**
     * @param price scaled price, not negative.
     * @return the greatest grid price less than or equal to the price.
     */
    public long floor(final long price)
    {
        final int band = band(price);
        return price - (price - fromPrices[band]) % ticks[band];
    }

    /**
     * @param price scaled price, not negative.
     * @return the least grid price greater than or equal to the price.
     */
    public long ceil(final long price)
    {
        final int band = band(price);
        final long offset = (price - fromPrices[band]) % ticks[band];
        return offset == 0 ? price : price - offset + ticks[band];
    }

    /**
     * @param price scaled price, not negative.
     * @return the next grid price strictly above the price.
     */
    public long tickUp(final long price)
    {
        return ceil(price + 1);
    }

    /**
     * @param price scaled price, positive.
     * @return the next grid price strictly below the price (0 if none).
     */
    public long tickDown(final long price)
    {
        return price <= 1 ? 0 : floor(price - 1);
    }

    private int band(final long price)
    {
        if (price < 0)
        {
            throw new IllegalArgumentException("negative price: " + price);
        }
        final int index = Arrays.binarySearch(fromPrices, price);
        return index >= 0 ? index : -index - 2;
    }

    @Override
    public String toString()
    {
        return "TickTable{" + name + " from " + effectiveFrom + ", " + ticks.length + " bands}";
    }
}
