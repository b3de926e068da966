package io.basis.simulator.marketdata;

/**
 * One aggregated price level.
 *
 * @param price    scaled price.
 * @param quantity total resting quantity.
 */
public record Level(long price, long quantity)
{
}
